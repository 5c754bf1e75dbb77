//! family: future-not-send
//! what: a `&std::sync::mpsc::Receiver` (Receiver is not Sync) kept across an await in a task
use std::sync::mpsc;

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel::<u32>();
    tx.send(1).unwrap();
    tokio::spawn(async move {
        let r = &rx;
        tokio::task::yield_now().await;
        println!("{:?}", r.try_recv());
    });
}
