//! family: runtime-setup
//! what: tokio::time::sleep with tokio's `time` feature off
use std::time::Duration;

#[tokio::main]
async fn main() {
    tokio::time::sleep(Duration::from_millis(1)).await;
}
