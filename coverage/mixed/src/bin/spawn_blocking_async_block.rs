//! family: other-async
//! what: tokio::task::spawn_blocking given an async block instead of a closure
#[tokio::main]
async fn main() {
    let h = tokio::task::spawn_blocking(async { std::fs::read("x").map(|v| v.len()) });
    let _ = h.await;
}
