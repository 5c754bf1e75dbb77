//! family: future-as-value
//! what: tokio mpsc `Sender::send` called without `.await`, so nothing is sent
//! counts: warnings
#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(4);
    tx.send(5);
    drop(tx);
    println!("{:?}", rx.recv().await);
}
