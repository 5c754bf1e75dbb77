//! family: runtime-setup
//! what: tokio::io::AsyncReadExt imported with tokio's `io-util` feature off
use tokio::io::AsyncReadExt;

#[tokio::main]
async fn main() {
    let mut input: &[u8] = b"abc";
    let mut out = Vec::new();
    input.read_to_end(&mut out).await.unwrap();
}
