//! family: stream-and-ext-traits
//! what: futures::select! on tokio::time::sleep, which is not a FusedFuture
use std::time::Duration;

#[tokio::main]
async fn main() {
    let mut a = Box::pin(tokio::time::sleep(Duration::from_millis(1)));
    let mut b = Box::pin(tokio::time::sleep(Duration::from_millis(2)));
    futures::select! {
        _ = a => println!("a"),
        _ = b => println!("b"),
    }
}
