//! family: future-as-value
//! what: `.unwrap()` called directly on a tokio `oneshot::Receiver` (a future) to get the reply of a worker task
use tokio::sync::oneshot;

struct Lookup {
    key: String,
    reply: oneshot::Sender<Option<u64>>,
}

async fn ask(tx: &tokio::sync::mpsc::Sender<Lookup>, key: &str) -> Option<u64> {
    let (reply, response) = oneshot::channel();
    tx.send(Lookup { key: key.to_string(), reply }).await.ok()?;
    response.unwrap()
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Lookup>(8);
    tokio::spawn(async move {
        while let Some(lookup) = rx.recv().await {
            let _ = lookup.reply.send(Some(lookup.key.len() as u64));
        }
    });
    println!("{:?}", ask(&tx, "user:1").await);
}
