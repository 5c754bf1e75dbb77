//! family: future-not-static
//! what: on edition 2024, a plain `fn fetch(&self, key: &str) -> impl Future<Output = String>` (which copies what it needs) still captures both borrows, so `tokio::spawn(client.fetch(&key))` in a loop fails
//! learned from: matrix-org/matrix-rust-sdk#5758
use std::future::Future;
use std::sync::Arc;

struct Client {
    base: String,
}

impl Client {
    fn fetch(&self, key: &str) -> impl Future<Output = String> {
        let url = format!("{}/{}", self.base, key);
        async move { url }
    }
}

#[tokio::main]
async fn main() {
    let client = Arc::new(Client { base: "https://kv.example".into() });
    let mut tasks = Vec::new();
    for i in 0..3 {
        let key = format!("item-{i}");
        let client = Arc::clone(&client);
        tasks.push(tokio::spawn(client.fetch(&key)));
    }
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
