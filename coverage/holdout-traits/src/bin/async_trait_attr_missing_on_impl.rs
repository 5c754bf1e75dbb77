//! family: async-trait-other
//! what: a trait marked `#[async_trait]` implemented by an impl block that forgot the attribute
use async_trait::async_trait;

#[async_trait]
trait Storage {
    async fn put(&self, key: String, value: Vec<u8>) -> bool;
}

struct Memory;

impl Storage for Memory {
    async fn put(&self, key: String, value: Vec<u8>) -> bool {
        !key.is_empty() && !value.is_empty()
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Memory.put("k".into(), vec![1]).await);
}
