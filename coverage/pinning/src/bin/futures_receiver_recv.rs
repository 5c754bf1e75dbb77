//! family: stream-and-ext-traits
//! what: tokio-style `while let Some(m) = rx.recv().await` on a futures UnboundedReceiver, whose recv returns a Result
#[tokio::main]
async fn main() {
    let (tx, mut rx) = futures::channel::mpsc::unbounded::<String>();
    tx.unbounded_send("x".into()).unwrap();
    while let Some(m) = rx.recv().await {
        println!("{m}");
    }
}
