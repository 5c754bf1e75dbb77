//! family: other-async
//! what: the output of `tokio::time::timeout(..).await` (a `Result<_, Elapsed>`) bound to the inner future's output type
use std::time::Duration;

async fn query() -> u32 {
    42
}

#[tokio::main]
async fn main() {
    let rows: u32 = tokio::time::timeout(Duration::from_secs(1), query()).await;
    println!("{rows}");
}
