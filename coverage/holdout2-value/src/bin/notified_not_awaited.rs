//! family: future-as-value
//! counts: warnings
//! what: a worker loop calling `shutdown.notified();` as a statement (the `Notified` future is dropped, so it never waits)
use std::sync::Arc;
use tokio::sync::Notify;

async fn worker(shutdown: Arc<Notify>) {
    println!("working");
    shutdown.notified();
    println!("stopped");
}

#[tokio::main]
async fn main() {
    let shutdown = Arc::new(Notify::new());
    let task = tokio::spawn(worker(Arc::clone(&shutdown)));
    shutdown.notify_one();
    task.await.unwrap();
}
