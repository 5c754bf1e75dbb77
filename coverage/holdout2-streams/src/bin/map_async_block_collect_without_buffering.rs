//! family: future-as-value
//! what: `stream.map(|id| async move { lookup(id).await }).collect::<Vec<u32>>().await`: the stream yields the async blocks themselves (no `then`/`buffered`)
use futures::stream::{self, StreamExt};

async fn lookup(id: u32) -> u32 {
    id * 10
}

#[tokio::main]
async fn main() {
    let scores = stream::iter(vec![1u32, 2, 3])
        .map(|id| async move { lookup(id).await })
        .collect::<Vec<u32>>()
        .await;
    println!("{scores:?}");
}
