//! family: other-async
//! what: `.lock().await` on a `std::sync::Mutex` (tokio's Mutex was meant), in an async method
use std::sync::Mutex;

struct Counter {
    hits: Mutex<u64>,
}

impl Counter {
    async fn hit(&self) -> u64 {
        let mut n = self.hits.lock().await;
        *n += 1;
        *n
    }
}

#[tokio::main]
async fn main() {
    let c = Counter { hits: Mutex::new(0) };
    println!("{}", c.hit().await);
}
