//! family: other-async
//! what: a fn declared `-> impl Future<Output = u32>` whose async block yields a `&str`
use std::future::Future;

fn version() -> impl Future<Output = u32> {
    async { "1" }
}

#[tokio::main]
async fn main() {
    println!("{}", version().await);
}
