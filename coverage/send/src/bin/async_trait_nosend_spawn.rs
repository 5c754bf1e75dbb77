//! family: future-not-send
//! what: a `#[async_trait(?Send)]` method's boxed future awaited inside tokio::spawn
//! learned from: dtolnay/async-trait#70
use async_trait::async_trait;
use std::sync::Arc;

#[async_trait(?Send)]
trait Source {
    async fn read(&self) -> u32;
}

struct Fixed;

#[async_trait(?Send)]
impl Source for Fixed {
    async fn read(&self) -> u32 {
        1
    }
}

#[tokio::main]
async fn main() {
    let src: Arc<dyn Source + Send + Sync> = Arc::new(Fixed);
    tokio::spawn(async move {
        println!("{}", src.read().await);
    });
}
