//! family: distinct-future-types
//! what: a fn returning `impl Future` from two different async blocks in its branches
use std::future::Future;

fn pick(fast: bool) -> impl Future<Output = u8> {
    if fast {
        async { 1 }
    } else {
        async { 2 }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", pick(true).await);
}
