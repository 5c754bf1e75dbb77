//! family: stream-and-ext-traits
//! what: StreamExt::filter with a closure returning `bool` (it must return a future of bool)
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let big: Vec<u32> = futures::stream::iter(vec![1u32, 5, 9]).filter(|x| *x > 3).collect().await;
    println!("{big:?}");
}
