//! family: future-not-send
//! what: Box::pin of a future holding a RefCell borrow, coerced to `Pin<Box<dyn Future + Send>>`
use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;

thread_local! {
    static SEEN: RefCell<Vec<u32>> = RefCell::new(Vec::new());
}

fn record(n: u32) -> Pin<Box<dyn Future<Output = ()> + Send>> {
    Box::pin(async move {
        let cell = RefCell::new(n);
        let b = cell.borrow();
        tokio::task::yield_now().await;
        SEEN.with(|s| s.borrow_mut().push(*b));
    })
}

#[tokio::main]
async fn main() {
    record(1).await;
}
