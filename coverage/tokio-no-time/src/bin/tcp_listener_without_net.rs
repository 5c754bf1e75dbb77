//! family: runtime-setup
//! what: tokio::net::TcpListener with tokio's `net` feature off
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    println!("{:?}", listener.local_addr());
    Ok(())
}
