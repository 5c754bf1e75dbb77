//! family: future-not-static
//! what: a method returning `Pin<Box<dyn Future<Output = usize> + Send>>` (implicitly `'static`) built from an async block that reads `self`
use std::future::Future;
use std::pin::Pin;

struct Store {
    items: Vec<String>,
}

impl Store {
    fn count(&self) -> Pin<Box<dyn Future<Output = usize> + Send>> {
        Box::pin(async move { self.items.len() })
    }
}

#[tokio::main]
async fn main() {
    let store = Store { items: vec!["a".into()] };
    println!("{}", store.count().await);
}
