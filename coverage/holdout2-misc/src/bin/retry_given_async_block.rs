//! family: other-async
//! what: a `retry(3, f: impl AsyncFn() -> Result<T, E>)` helper given an `async { .. }` block instead of an async closure
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/suggest-async-closure-issue-163137.stderr
async fn retry<T, E>(times: u32, f: impl AsyncFn() -> Result<T, E>) -> Result<T, E> {
    let mut last = f().await;
    for _ in 1..times {
        if last.is_ok() {
            break;
        }
        last = f().await;
    }
    last
}

async fn connect(addr: &str) -> Result<u16, String> {
    addr.parse().map_err(|_| format!("bad address {addr}"))
}

#[tokio::main]
async fn main() {
    let port = retry(3, async { connect("8080").await }).await;
    println!("{port:?}");
}
