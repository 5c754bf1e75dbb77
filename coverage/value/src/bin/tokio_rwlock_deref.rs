//! family: future-as-value
//! what: dereferencing tokio::sync::RwLock::read() without awaiting it
use tokio::sync::RwLock;

#[tokio::main]
async fn main() {
    let config = RwLock::new(5u8);
    let value: u8 = *config.read();
    println!("{value}");
}
