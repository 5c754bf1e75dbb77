//! family: future-not-static
//! what: a method `fn load(&self) -> impl Future` whose async block uses `self`, on edition 2021 (no implicit capture)
use std::future::Future;

struct Store {
    items: Vec<u32>,
}

impl Store {
    fn count(&self) -> impl Future<Output = usize> {
        async move { self.items.len() }
    }
}

#[tokio::main]
async fn main() {
    let s = Store { items: vec![] };
    println!("{}", s.count().await);
}
