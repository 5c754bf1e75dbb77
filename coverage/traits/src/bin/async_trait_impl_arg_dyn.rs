//! family: async-trait-not-dyn
//! what: an `#[async_trait]` method taking `impl Trait`, making the trait not dyn compatible
//! learned from: dtolnay/async-trait#188
use async_trait::async_trait;

#[async_trait]
trait Receiver: Send {
    async fn run(&mut self, sink: impl std::io::Write + Send);
}

fn boxed() -> Option<Box<dyn Receiver>> {
    None
}

fn main() {
    let _ = boxed();
}
