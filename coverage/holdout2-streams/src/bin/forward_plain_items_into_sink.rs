//! family: stream-and-ext-traits
//! what: `updates.forward(sink)` from a stream of plain `String`s into a channel sink (`forward` needs a stream of `Result`s)
use futures::channel::mpsc;
use futures::stream::{self, StreamExt};

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::unbounded::<String>();
    let updates = stream::iter(vec!["a".to_string(), "b".to_string()]);
    updates.forward(tx).await.unwrap();
    while let Some(update) = rx.next().await {
        println!("{update}");
    }
}
