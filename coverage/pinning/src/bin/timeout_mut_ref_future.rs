//! family: future-not-unpin
//! what: tokio::time::timeout(d, &mut fut) on an async fn future, to retry after a timeout
use std::time::Duration;

async fn download() -> Vec<u8> {
    Vec::new()
}

#[tokio::main]
async fn main() {
    let mut job = download();
    if tokio::time::timeout(Duration::from_millis(5), &mut job).await.is_err() {
        println!("slow");
    }
}
