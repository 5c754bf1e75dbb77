//! family: future-not-send
//! what: a MutexGuard temporary in an `if let` scrutinee alive across the await in its body
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

async fn send(_v: String) {}

#[tokio::main]
async fn main() {
    let map: Arc<Mutex<HashMap<u32, String>>> = Arc::default();
    tokio::spawn(async move {
        if let Some(v) = map.lock().unwrap().get(&1) {
            send(v.clone()).await;
        }
    });
}
