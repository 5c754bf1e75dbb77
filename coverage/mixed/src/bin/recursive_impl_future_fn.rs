//! family: async-recursion
//! what: a fn returning `impl Future` whose async block calls the fn again
use std::future::Future;

fn countdown(n: u32) -> impl Future<Output = u32> {
    async move {
        if n == 0 { 0 } else { countdown(n - 1).await + 1 }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", countdown(3).await);
}
