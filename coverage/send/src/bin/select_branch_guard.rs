//! family: future-not-send
//! what: a std MutexGuard held across the await inside a tokio::select! branch of a spawned task
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[tokio::main]
async fn main() {
    let seen = Arc::new(Mutex::new(0u32));
    tokio::spawn(async move {
        let mut g = seen.lock().unwrap();
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(5)) => *g += 1,
            _ = tokio::task::yield_now() => *g += 2,
        }
    });
}
