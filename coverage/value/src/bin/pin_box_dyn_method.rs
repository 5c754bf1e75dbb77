//! family: future-as-value
//! what: `.len()` on a `Pin<Box<dyn core::future::Future<Output = String> + Send>>`
use std::pin::Pin;

fn load_name() -> Pin<Box<dyn core::future::Future<Output = String> + Send>> {
    Box::pin(async { "name".to_string() })
}

#[tokio::main]
async fn main() {
    let n = load_name().len();
    println!("{n}");
}
