//! family: future-as-value
//! what: a fn returning `impl futures::Future<Output = u32>` bound to a `u32` without awaiting
use futures::FutureExt;

fn port() -> impl futures::Future<Output = u32> {
    async { 8080 }.boxed()
}

#[tokio::main]
async fn main() {
    let p: u32 = port();
    println!("{p}");
}
