//! family: future-not-static
//! what: a future pinned on the stack with `std::pin::pin!` (a `Pin<&mut _>`) and then handed to `tokio::spawn`
use std::time::Duration;

async fn refresh_cache() -> usize {
    tokio::time::sleep(Duration::from_millis(5)).await;
    3
}

#[tokio::main]
async fn main() {
    let fut = std::pin::pin!(refresh_cache());
    let handle = tokio::spawn(fut);
    println!("{}", handle.await.unwrap());
}
