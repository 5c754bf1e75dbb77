//! family: stream-and-ext-traits
//! what: `send(..).await` on a futures mpsc Sender (a Sink) without importing SinkExt
#[tokio::main]
async fn main() {
    let (mut tx, _rx) = futures::channel::mpsc::channel::<u8>(1);
    tx.send(1).await.unwrap();
}
