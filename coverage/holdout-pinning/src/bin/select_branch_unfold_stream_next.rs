//! family: future-not-unpin
//! what: a `stream::unfold` event stream polled with `events.next()` in a `tokio::select!` branch, without pinning it first
use futures::StreamExt;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let mut events = futures::stream::unfold(0u32, |n| async move {
        tokio::time::sleep(Duration::from_millis(2)).await;
        if n < 5 { Some((n, n + 1)) } else { None }
    });
    let shutdown = tokio::time::sleep(Duration::from_millis(50));
    tokio::pin!(shutdown);
    loop {
        tokio::select! {
            Some(ev) = events.next() => println!("event {ev}"),
            _ = &mut shutdown => break,
        }
    }
}
