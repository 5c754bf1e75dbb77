//! family: async-trait-other
//! what: an `#[async_trait]` trait implemented without the attribute by hand-writing `fn get(&self, key: &str) -> Pin<Box<dyn Future<..> + Send + '_>>`
use async_trait::async_trait;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;

#[async_trait]
trait Store {
    async fn get(&self, key: &str) -> Option<String>;
}

struct Memory {
    map: HashMap<String, String>,
}

impl Store for Memory {
    fn get(&self, key: &str) -> Pin<Box<dyn Future<Output = Option<String>> + Send + '_>> {
        let hit = self.map.get(key).cloned();
        Box::pin(async move { hit })
    }
}

#[tokio::main]
async fn main() {
    let store = Memory { map: HashMap::from([("a".to_string(), "1".to_string())]) };
    println!("{:?}", store.get("a").await);
}
