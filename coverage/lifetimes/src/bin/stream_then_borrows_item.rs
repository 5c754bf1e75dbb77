//! family: closure-future-borrows
//! what: `StreamExt::then(|x| async { .. })` where the async block borrows the closure's parameter
use futures::StreamExt;

#[tokio::main]
async fn main() {
    let doubled: Vec<u32> = futures::stream::iter(vec![1u32, 2])
        .then(|x| async { x * 2 })
        .collect()
        .await;
    println!("{doubled:?}");
}
