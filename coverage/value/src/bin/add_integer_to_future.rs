//! family: future-as-value
//! what: `+ 1` on the result of an async fn call that was never awaited
//! learned from: rust-lang/wg-async#165
async fn queued_jobs() -> usize {
    3
}

#[tokio::main]
async fn main() {
    let next = queued_jobs() + 1;
    println!("{next}");
}
