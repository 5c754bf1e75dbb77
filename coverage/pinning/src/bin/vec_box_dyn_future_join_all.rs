//! family: future-not-unpin
//! what: join_all over `Vec<Box<dyn Future<Output = u32>>>` (Box, not Pin<Box>)
use std::future::Future;

async fn one() -> u32 {
    1
}

#[tokio::main]
async fn main() {
    let jobs: Vec<Box<dyn Future<Output = u32>>> = vec![Box::new(one()), Box::new(async { 2 })];
    let all = futures::future::join_all(jobs).await;
    println!("{all:?}");
}
