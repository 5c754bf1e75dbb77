//! family: future-as-value
//! what: `outgoing.send(frame)?` on the sink half of a websocket-like channel (SinkExt::send returns a future), with `.await` forgotten before `?`
use futures::channel::mpsc;
use futures::{SinkExt, StreamExt};

async fn echo(
    mut incoming: mpsc::Receiver<String>,
    mut outgoing: mpsc::Sender<String>,
) -> Result<(), mpsc::SendError> {
    while let Some(frame) = incoming.next().await {
        outgoing.send(frame)?;
    }
    Ok(())
}

#[tokio::main]
async fn main() {
    let (mut in_tx, in_rx) = mpsc::channel(4);
    let (out_tx, mut out_rx) = mpsc::channel(4);
    in_tx.send("ping".to_string()).await.unwrap();
    drop(in_tx);
    echo(in_rx, out_tx).await.unwrap();
    println!("{:?}", out_rx.next().await);
}
