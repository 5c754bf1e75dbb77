//! family: stream-and-ext-traits
//! what: `.len()` on `StreamExt::collect`'s future (collect is async on streams)
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let items = futures::stream::iter(vec!["a", "b"]).collect::<Vec<_>>();
    println!("{}", items.len());
}
