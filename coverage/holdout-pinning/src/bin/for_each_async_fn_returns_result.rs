//! family: stream-and-ext-traits
//! what: `StreamExt::for_each` given an async fn returning `Result` (for_each wants a future of `()`; try_for_each takes Results)
use futures::StreamExt;

async fn store(record: u32) -> Result<(), String> {
    if record == 0 { Err("empty".into()) } else { Ok(()) }
}

#[tokio::main]
async fn main() {
    futures::stream::iter(vec![1u32, 2, 3]).for_each(store).await;
}
