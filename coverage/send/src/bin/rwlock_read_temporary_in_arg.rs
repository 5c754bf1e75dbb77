//! family: future-not-send
//! what: an RwLock read guard made in the argument of sleep(..) lives to the end of the statement, across its await
//! learned from: tokio-rs/tokio#3885
use std::sync::RwLock;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let delay = RwLock::new(Duration::from_millis(5));
    tokio::spawn(async move {
        tokio::time::sleep(*delay.read().unwrap()).await;
    });
}
