//! family: future-not-unpin
//! what: `next()` on an `impl Stream` returned by a fn (built with unfold), not pinned
//! learned from: a1akris/page-turner#7
use futures::{Stream, StreamExt};

fn pages() -> impl Stream<Item = u32> {
    futures::stream::unfold(0u32, |n| async move { if n < 3 { Some((n, n + 1)) } else { None } })
}

#[tokio::main]
async fn main() {
    let mut items = pages();
    while let Some(p) = items.next().await {
        println!("{p}");
    }
}
