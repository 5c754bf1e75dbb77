//! family: other-async
//! what: `?` inside a spawned `async move` block ending in `Ok(())`, with nothing naming the block's error type
//! learned from: rust-lang/rust#63502
async fn rotate_logs(dir: &str) -> Result<usize, std::io::Error> {
    Ok(dir.len())
}

#[tokio::main]
async fn main() {
    let job = tokio::spawn(async move {
        let rotated = rotate_logs("/var/log/app").await?;
        println!("rotated {rotated}");
        Ok(())
    });
    let _ = job.await;
}
