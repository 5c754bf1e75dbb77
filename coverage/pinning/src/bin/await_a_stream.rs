//! family: stream-and-ext-traits
//! what: `.await` on a mapped stream as if it were a future
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let lens = futures::stream::iter(vec!["a", "bb"]).map(|s| s.len()).await;
    println!("{lens:?}");
}
