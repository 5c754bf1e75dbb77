//! family: future-not-send
//! what: `while let Some(job) = queue.lock().unwrap().pop_front()` in a spawned worker: the guard temporary lives through the loop body's await
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

async fn handle(job: String) {
    tokio::task::yield_now().await;
    println!("done {job}");
}

#[tokio::main]
async fn main() {
    let queue = Arc::new(Mutex::new(VecDeque::from(vec!["a".to_string(), "b".to_string()])));
    let worker_queue = Arc::clone(&queue);
    let worker = tokio::spawn(async move {
        while let Some(job) = worker_queue.lock().unwrap().pop_front() {
            handle(job).await;
        }
    });
    worker.await.unwrap();
}
