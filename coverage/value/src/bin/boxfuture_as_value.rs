//! family: future-as-value
//! what: a `BoxFuture<'static, u64>` passed where the u64 it resolves to is expected
use futures::future::{BoxFuture, FutureExt};

fn fetch_count() -> BoxFuture<'static, u64> {
    async { 42 }.boxed()
}

fn report(count: u64) {
    println!("{count}");
}

#[tokio::main]
async fn main() {
    report(fetch_count());
}
