//! family: stream-and-ext-traits
//! what: futures::AsyncReadExt imported, `read_to_end` called on a tokio::fs::File (a tokio AsyncRead)
use futures::AsyncReadExt;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let mut f = tokio::fs::File::open("in.txt").await?;
    let mut buf = Vec::new();
    f.read_to_end(&mut buf).await?;
    println!("{}", buf.len());
    Ok(())
}
