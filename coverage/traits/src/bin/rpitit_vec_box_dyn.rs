//! family: async-trait-not-dyn
//! what: `Vec<Box<dyn Plugin>>` where Plugin returns `impl Future` from a method
use std::future::Future;

trait Plugin {
    fn start(&self) -> impl Future<Output = ()>;
}

struct Hello;

impl Plugin for Hello {
    fn start(&self) -> impl Future<Output = ()> {
        async { println!("hello") }
    }
}

#[tokio::main]
async fn main() {
    let plugins: Vec<Box<dyn Plugin>> = vec![Box::new(Hello)];
    for p in &plugins {
        p.start().await;
    }
}
