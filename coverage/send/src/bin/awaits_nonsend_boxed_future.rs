//! family: future-not-send
//! what: a spawned task awaiting a `Pin<Box<dyn Future>>` without `+ Send` that it creates inside
//! learned from: breez/breez-sdk-greenlight#595
use std::future::Future;
use std::pin::Pin;

fn lookup(id: u32) -> Pin<Box<dyn Future<Output = u32>>> {
    Box::pin(async move { id })
}

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let v = lookup(2).await;
        println!("{v}");
    });
}
