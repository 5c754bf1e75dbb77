//! family: future-not-unpin
//! what: AsyncReadExt::read on a generic `R: AsyncRead` without an Unpin bound
use tokio::io::{AsyncRead, AsyncReadExt};

async fn first_byte<R: AsyncRead>(mut reader: R) -> std::io::Result<u8> {
    let mut buf = [0u8; 1];
    reader.read(&mut buf).await?;
    Ok(buf[0])
}

#[tokio::main]
async fn main() {
    let data: &[u8] = b"x";
    println!("{:?}", first_byte(data).await);
}
