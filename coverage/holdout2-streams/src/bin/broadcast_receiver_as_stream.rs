//! family: stream-and-ext-traits
//! what: `rx.next().await` on a tokio `broadcast::Receiver` with `StreamExt` imported (the receiver is not a Stream; it has `recv()`)
use futures::StreamExt;
use tokio::sync::broadcast;

async fn log_events(mut rx: broadcast::Receiver<String>) {
    while let Some(event) = rx.next().await {
        println!("event: {event:?}");
    }
}

#[tokio::main]
async fn main() {
    let (tx, rx) = broadcast::channel(16);
    let logger = tokio::spawn(log_events(rx));
    tx.send("deploy".to_string()).unwrap();
    drop(tx);
    logger.await.unwrap();
}
