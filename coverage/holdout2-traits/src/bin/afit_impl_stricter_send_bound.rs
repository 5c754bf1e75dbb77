//! family: async-trait-other
//! what: an impl of a trait's native `async fn publish<T: Display>(&self, event: T)` that adds `T: Send` to its own signature so it can spawn a task with the event
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/generics-mismatch.stderr
use std::fmt::Display;

trait EventBus {
    async fn publish<T: Display + 'static>(&self, event: T);
}

struct Tokio;

impl EventBus for Tokio {
    async fn publish<T: Display + Send + 'static>(&self, event: T) {
        tokio::spawn(async move { println!("{event}") }).await.unwrap();
    }
}

#[tokio::main]
async fn main() {
    Tokio.publish("started").await;
}
