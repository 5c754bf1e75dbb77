//! family: stream-and-ext-traits
//! what: `StreamExt::zip` with a plain `Vec` iterator (zip needs another Stream; wrap it with `stream::iter`)
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let labels = vec!["a", "b", "c"];
    let readings = futures::stream::iter(vec![10u32, 20, 30]);
    let paired: Vec<(u32, &str)> = readings.zip(labels.into_iter()).collect().await;
    println!("{paired:?}");
}
