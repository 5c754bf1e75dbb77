//! family: future-not-send
//! what: a spawned task draining a stream with `for_each`, whose per-item async block holds a std `MutexGuard` on a shared tally across an await
use futures::stream::{self, StreamExt};
use std::sync::{Arc, Mutex};

async fn persist(id: u32) {
    tokio::task::yield_now().await;
    println!("persisted {id}");
}

#[tokio::main]
async fn main() {
    let tally = Arc::new(Mutex::new(Vec::new()));
    let task_tally = Arc::clone(&tally);
    let task = tokio::spawn(async move {
        stream::iter(1..=3u32)
            .for_each(|id| {
                let tally = Arc::clone(&task_tally);
                async move {
                    let mut seen = tally.lock().unwrap();
                    persist(id).await;
                    seen.push(id);
                }
            })
            .await;
    });
    task.await.unwrap();
    println!("{:?}", tally.lock().unwrap());
}
