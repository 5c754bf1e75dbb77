//! family: future-as-value
//! what: an `#[async_trait]` method's boxed future bound to a u32 without `.await`
use async_trait::async_trait;

#[async_trait]
trait Metrics {
    async fn hits(&self) -> u32;
}

struct Zero;

#[async_trait]
impl Metrics for Zero {
    async fn hits(&self) -> u32 {
        0
    }
}

#[tokio::main]
async fn main() {
    let m: Box<dyn Metrics + Send + Sync> = Box::new(Zero);
    let n: u32 = m.hits();
    println!("{n}");
}
