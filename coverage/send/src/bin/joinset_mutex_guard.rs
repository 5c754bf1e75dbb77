//! family: future-not-send
//! what: a std MutexGuard held across an await inside JoinSet::spawn
//! learned from: rust-lang/rust#88738
use std::sync::{Arc, Mutex};
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let hits = Arc::new(Mutex::new(0u32));
    let mut set = JoinSet::new();
    for _ in 0..2 {
        let hits = hits.clone();
        set.spawn(async move {
            let mut n = hits.lock().unwrap();
            *n += 1;
            tokio::task::yield_now().await;
        });
    }
    while set.join_next().await.is_some() {}
}
