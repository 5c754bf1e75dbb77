//! family: async-trait-not-dyn
//! what: an `#[async_trait]` trait with an associated async fn without `self`, used as `dyn`
//! learned from: dtolnay/async-trait#165
use async_trait::async_trait;

#[async_trait]
trait Job: Send + Sync {
    async fn create() -> Self
    where
        Self: Sized;
    async fn revive(name: String) -> u32;
}

fn run(_jobs: Vec<Box<dyn Job>>) {}

fn main() {
    run(Vec::new());
}
