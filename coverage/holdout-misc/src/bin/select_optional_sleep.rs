//! family: other-async
//! what: a `tokio::select!` branch on an `Option<Sleep>` (an optional timeout) instead of a future
use std::time::Duration;

async fn next_message() -> String {
    "msg".into()
}

#[tokio::main]
async fn main() {
    let timeout_enabled = false;
    let deadline = if timeout_enabled { Some(tokio::time::sleep(Duration::from_secs(1))) } else { None };
    tokio::select! {
        m = next_message() => println!("{m}"),
        _ = deadline => println!("timed out"),
    }
}
