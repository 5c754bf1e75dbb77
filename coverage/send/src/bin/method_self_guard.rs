//! family: future-not-send
//! what: an async method locking `self.inner` (std Mutex) across an await, spawned through an Arc
use std::sync::{Arc, Mutex};

struct Service {
    inner: Mutex<Vec<String>>,
}

impl Service {
    async fn record(&self, line: String) {
        let mut lines = self.inner.lock().unwrap();
        lines.push(line);
        tokio::task::yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    let svc = Arc::new(Service { inner: Mutex::new(Vec::new()) });
    let s = svc.clone();
    tokio::spawn(async move { s.record("x".into()).await });
}
