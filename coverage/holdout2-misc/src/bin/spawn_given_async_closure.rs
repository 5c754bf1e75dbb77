//! family: other-async
//! what: `tokio::spawn(async move || { .. })` (an async closure) where an `async move` block was meant
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/suggest-async-block-issue-140265.stderr
async fn flush_metrics(batch: Vec<u64>) -> u64 {
    batch.iter().sum()
}

#[tokio::main]
async fn main() {
    let batch = vec![1, 2, 3];
    let handle = tokio::spawn(async move || {
        let total = flush_metrics(batch).await;
        println!("flushed {total}");
    });
    handle.await.unwrap();
}
