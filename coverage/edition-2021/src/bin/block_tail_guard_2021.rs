//! family: future-not-send
//! what: on edition 2021 a MutexGuard temporary in a block's tail expression lives across the following await
#![allow(unused_braces)]
use std::sync::Mutex;
use std::time::Duration;

#[tokio::main]
async fn main() {
    let delay = Mutex::new(Duration::from_millis(5));
    tokio::spawn(async move {
        tokio::time::sleep({ *delay.lock().unwrap() }).await;
    });
}
