//! family: future-not-static
//! what: a fn returning an async block that borrows a Vec local to the fn
use std::future::Future;

fn total() -> impl Future<Output = usize> {
    let parts = vec![1, 2, 3];
    async { parts.iter().sum() }
}

#[tokio::main]
async fn main() {
    println!("{}", total().await);
}
