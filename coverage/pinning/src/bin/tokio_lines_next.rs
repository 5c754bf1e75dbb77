//! family: stream-and-ext-traits
//! what: `.next()` on tokio's `io::Lines` (it has `next_line`, and is not a Stream)
use futures::StreamExt;
use tokio::io::{AsyncBufReadExt, BufReader};

#[tokio::main]
async fn main() {
    let input: &[u8] = b"a\nb\n";
    let mut lines = BufReader::new(input).lines();
    while let Some(line) = lines.next().await {
        println!("{line:?}");
    }
}
