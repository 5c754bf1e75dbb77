//! family: future-not-send
//! what: jobs pushed onto a `Vec<BoxFuture<'static, ()>>` queue, one async block holding a std MutexGuard across an await
use futures::future::BoxFuture;
use std::sync::{Arc, Mutex};

struct Queue {
    jobs: Vec<BoxFuture<'static, ()>>,
}

impl Queue {
    fn push_counter(&mut self, hits: Arc<Mutex<u64>>) {
        self.jobs.push(Box::pin(async move {
            let mut n = hits.lock().unwrap();
            *n += 1;
            tokio::task::yield_now().await;
            println!("{n}");
        }));
    }
}

#[tokio::main]
async fn main() {
    let mut queue = Queue { jobs: Vec::new() };
    queue.push_counter(Arc::new(Mutex::new(0)));
    futures::future::join_all(queue.jobs).await;
}
