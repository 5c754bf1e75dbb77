//! family: future-not-unpin
//! what: one unpinned `then` stream polled with `next()` in several places (one mistake, many reports)
use futures::StreamExt;

async fn lookup(id: u32) -> u32 {
    id + 1
}

#[tokio::main]
async fn main() {
    let mut ids = futures::stream::iter(1..10u32).then(lookup);
    let first = ids.next().await;
    let second = ids.next().await;
    while let Some(id) = ids.next().await {
        if id > 5 {
            break;
        }
    }
    let rest: Vec<u32> = ids.collect().await;
    println!("{first:?} {second:?} {}", rest.len());
}
