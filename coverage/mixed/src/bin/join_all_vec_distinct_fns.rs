//! family: distinct-future-types
//! what: `join_all(vec![a(), b()])` with two different async fns of the same output
//! learned from: rust-lang/futures-rs#2267
async fn months() -> Vec<String> {
    vec![]
}
async fn years() -> Vec<String> {
    vec![]
}

#[tokio::main]
async fn main() {
    let all = futures::future::join_all(vec![months(), years()]).await;
    println!("{}", all.len());
}
