//! family: future-not-unpin
//! what: `&mut sleep` reused across `tokio::select!` iterations without pinning the Sleep
//! learned from: fluvio-community/future-aio#37
use std::time::Duration;

#[tokio::main]
async fn main() {
    let deadline = tokio::time::sleep(Duration::from_millis(50));
    let mut ticks = 0;
    loop {
        tokio::select! {
            _ = &mut deadline => break,
            _ = tokio::task::yield_now() => ticks += 1,
        }
    }
    println!("{ticks}");
}
