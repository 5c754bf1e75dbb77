//! family: future-not-send
//! what: `tokio::join!` inside a spawned task, one of the joined async blocks holding a `RefCell` borrow across its await
use std::cell::RefCell;
use std::time::Duration;

async fn fetch(n: u64) -> u64 {
    tokio::time::sleep(Duration::from_millis(n)).await;
    n
}

#[tokio::main]
async fn main() {
    let job = tokio::spawn(async {
        let log = RefCell::new(Vec::new());
        let (a, b) = tokio::join!(fetch(1), async {
            let mut entries = log.borrow_mut();
            entries.push("start");
            fetch(2).await
        });
        a + b
    });
    println!("{}", job.await.unwrap());
}
