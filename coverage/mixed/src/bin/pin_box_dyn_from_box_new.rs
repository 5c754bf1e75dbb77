//! family: distinct-future-types
//! what: `Box::new(async {..})` where a `Pin<Box<dyn Future<Output = ()>>>` is expected
use std::future::Future;
use std::pin::Pin;

#[tokio::main]
async fn main() {
    let task: Pin<Box<dyn Future<Output = ()>>> = Box::new(async {});
    task.await;
}
