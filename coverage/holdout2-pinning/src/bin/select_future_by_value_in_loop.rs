//! family: other-async
//! what: a shutdown future created once before a `loop` and passed by value to `tokio::select!` on every iteration
//! learned from: rust-lang/rust#121652
use std::time::Duration;

async fn ctrl_c() {
    tokio::time::sleep(Duration::from_secs(3600)).await;
}

async fn next_job() -> u32 {
    1
}

#[tokio::main]
async fn main() {
    let shutdown = ctrl_c();
    let mut done = 0;
    loop {
        tokio::select! {
            _ = shutdown => break,
            job = next_job() => done += job,
        }
        if done > 3 {
            break;
        }
    }
    println!("{done}");
}
