//! family: future-not-send
//! what: an async fn holding a std RwLock write guard across an await, spawned with tokio::spawn
use std::sync::{Arc, RwLock};
use std::time::Duration;

async fn bump(state: Arc<RwLock<Vec<u32>>>) {
    let mut guard = state.write().unwrap();
    tokio::time::sleep(Duration::from_millis(1)).await;
    guard.push(1);
}

#[tokio::main]
async fn main() {
    let state = Arc::new(RwLock::new(Vec::new()));
    tokio::spawn(bump(state)).await.unwrap();
}
