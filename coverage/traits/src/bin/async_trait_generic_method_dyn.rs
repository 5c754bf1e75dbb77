//! family: async-trait-not-dyn
//! what: an `#[async_trait]` trait with a generic method, used as `Box<dyn Handler>`
use async_trait::async_trait;
use std::fmt::Debug;

#[async_trait]
trait Handler {
    async fn handle<T: Debug + Send + 'static>(&self, event: T);
}

struct Printer;

#[async_trait]
impl Handler for Printer {
    async fn handle<T: Debug + Send + 'static>(&self, event: T) {
        println!("{event:?}");
    }
}

#[tokio::main]
async fn main() {
    let h: Box<dyn Handler> = Box::new(Printer);
    drop(h);
}
