//! family: stream-and-ext-traits
//! what: `write_all` and `flush` on tokio::fs::File without importing AsyncWriteExt
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut f = tokio::fs::File::create("out.txt").await?;
    f.write_all(b"hello").await?;
    f.flush().await?;
    Ok(())
}
