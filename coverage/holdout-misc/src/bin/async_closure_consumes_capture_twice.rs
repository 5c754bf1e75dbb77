//! family: other-async
//! what: an `async move ||` closure that consumes its captured sender, called twice
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/move-consuming-capture.stderr
use tokio::sync::oneshot;

#[tokio::main]
async fn main() {
    let (tx, rx) = oneshot::channel::<u32>();
    let finish = async move || {
        let _ = tx.send(1);
    };
    finish().await;
    finish().await;
    println!("{:?}", rx.await);
}
