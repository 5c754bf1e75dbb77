//! family: other-async
//! what: `.lock().await.unwrap()` on tokio's Mutex (its lock cannot fail, the guard has no `unwrap`)
use std::sync::Arc;
use tokio::sync::Mutex;

async fn record(log: Arc<Mutex<Vec<String>>>, line: &str) {
    log.lock().await.unwrap().push(line.to_owned());
}

#[tokio::main]
async fn main() {
    let log = Arc::new(Mutex::new(Vec::new()));
    record(log.clone(), "start").await;
}
