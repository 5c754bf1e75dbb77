//! family: stream-and-ext-traits
//! what: StreamExt::for_each with a closure returning `()` instead of a future
use futures::StreamExt;

#[tokio::main]
async fn main() {
    futures::stream::iter(1..4)
        .for_each(|n| {
            println!("{n}");
        })
        .await;
}
