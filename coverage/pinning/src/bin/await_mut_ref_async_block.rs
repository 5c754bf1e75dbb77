//! family: future-not-unpin
//! what: awaiting `&mut fut` for an async block kept to be awaited again later
#[tokio::main]
async fn main() {
    let mut fut = async { 1 + 1 };
    let v = (&mut fut).await;
    println!("{v}");
}
