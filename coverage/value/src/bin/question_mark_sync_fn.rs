//! family: future-as-value
//! what: `?` on an async fn's future inside a plain fn (rustc gives no "consider awaiting" help)
use std::io;

async fn read_config(path: &str) -> io::Result<String> {
    tokio::fs::read_to_string(path).await
}

fn config_len(path: &str) -> io::Result<usize> {
    let text = read_config(path)?;
    Ok(text.len())
}

fn main() {
    println!("{:?}", config_len("app.toml"));
}
