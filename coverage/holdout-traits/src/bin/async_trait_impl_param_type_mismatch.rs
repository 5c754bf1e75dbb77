//! family: async-trait-other
//! what: an `#[async_trait]` impl taking `key: &str` where the trait's async method takes `key: String`
use async_trait::async_trait;

#[async_trait]
trait Cache {
    async fn get(&self, key: String) -> Option<u32>;
}

struct Local;

#[async_trait]
impl Cache for Local {
    async fn get(&self, key: &str) -> Option<u32> {
        key.parse().ok()
    }
}

#[tokio::main]
async fn main() {
    println!("{:?}", Local.get("4".into()).await);
}
