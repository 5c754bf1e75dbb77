//! family: async-trait-not-dyn
//! what: `Arc<dyn Repo + Send + Sync>` where Repo has a native `async fn`
//! learned from: AzureMarker/shaku#50
use std::sync::Arc;

trait Repo {
    async fn find(&self, id: u32) -> Option<String>;
}

struct Mem;

impl Repo for Mem {
    async fn find(&self, id: u32) -> Option<String> {
        Some(id.to_string())
    }
}

#[tokio::main]
async fn main() {
    let repo: Arc<dyn Repo + Send + Sync> = Arc::new(Mem);
    println!("{:?}", repo.find(1).await);
}
