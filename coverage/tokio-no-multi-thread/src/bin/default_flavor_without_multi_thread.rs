//! family: runtime-setup
//! what: plain `#[tokio::main]` (multi-thread flavor) with only the `rt` runtime feature
//! learned from: tokio-rs/tokio#6743
#[tokio::main]
async fn main() {
    println!("hi");
}
