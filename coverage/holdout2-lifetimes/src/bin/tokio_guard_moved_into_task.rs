//! family: future-not-static
//! what: a tokio `MutexGuard` taken with `state.lock().await` on a local `Arc<Mutex<_>>` and moved into a spawned task that finishes the update (lock_owned was meant)
//! learned from: tokio-rs/tokio#5956
use std::sync::Arc;
use tokio::sync::Mutex;

async fn fetch_rates() -> Vec<f64> {
    vec![1.0, 1.1]
}

#[tokio::main]
async fn main() {
    let state = Arc::new(Mutex::new(Vec::<f64>::new()));
    let mut guard = state.lock().await;
    let refresher = tokio::spawn(async move {
        let rates = fetch_rates().await;
        guard.extend(rates);
    });
    refresher.await.unwrap();
    println!("{:?}", state.lock().await);
}
