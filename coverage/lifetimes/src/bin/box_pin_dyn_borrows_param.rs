//! family: future-not-static
//! what: a `Pin<Box<dyn Future>>` (implicitly 'static) built from an async block capturing a `&str` parameter
use std::future::Future;
use std::pin::Pin;

fn announce(name: &str) -> Pin<Box<dyn Future<Output = ()>>> {
    Box::pin(async move {
        println!("{name}");
    })
}

#[tokio::main]
async fn main() {
    announce("x").await;
}
