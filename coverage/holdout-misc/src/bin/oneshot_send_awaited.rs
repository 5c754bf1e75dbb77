//! family: other-async
//! what: `.await` on tokio's `oneshot::Sender::send`, which is synchronous and returns a Result
use tokio::sync::oneshot;

async fn reply(tx: oneshot::Sender<String>, body: String) {
    tx.send(body).await.unwrap();
}

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel();
    tokio::spawn(reply(tx, "pong".into()));
    println!("{}", rx.await.unwrap());
}
