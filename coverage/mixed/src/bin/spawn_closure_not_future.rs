//! family: other-async
//! what: tokio::spawn given a closure `|| async { .. }` instead of a future
#[tokio::main]
async fn main() {
    let h = tokio::spawn(|| async { 1 });
    let _ = h.await;
}
