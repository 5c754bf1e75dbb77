//! family: future-not-static
//! what: tokio::task::spawn_blocking with a closure that borrows a local buffer
#[tokio::main]
async fn main() {
    let buf = vec![0u8; 1024];
    let n = tokio::task::spawn_blocking(|| buf.iter().map(|b| *b as u64).sum::<u64>())
        .await
        .unwrap();
    println!("{n}");
}
