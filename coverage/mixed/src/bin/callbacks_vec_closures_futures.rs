//! family: distinct-future-types
//! what: boxed callbacks declared to return `Pin<Box<dyn Future>>`, given closures returning plain async blocks
use std::future::Future;
use std::pin::Pin;

type Hook = Box<dyn Fn() -> Pin<Box<dyn Future<Output = ()>>>>;

#[tokio::main]
async fn main() {
    let hooks: Vec<Hook> = vec![Box::new(|| async { println!("a") })];
    for h in &hooks {
        h().await;
    }
}
