//! family: stream-and-ext-traits
//! what: buffer_unordered on a stream of plain integers instead of futures
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let out: Vec<u32> = futures::stream::iter(vec![1u32, 2, 3]).buffer_unordered(2).collect().await;
    println!("{out:?}");
}
