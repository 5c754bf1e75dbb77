//! family: future-not-unpin
//! what: futures::future::select on two async fn futures (select needs Unpin futures)
//! learned from: rust-lang/futures-rs#1582
async fn left() -> u8 {
    1
}
async fn right() -> u8 {
    2
}

#[tokio::main]
async fn main() {
    match futures::future::select(left(), right()).await {
        futures::future::Either::Left((v, _)) => println!("{v}"),
        futures::future::Either::Right((v, _)) => println!("{v}"),
    }
}
