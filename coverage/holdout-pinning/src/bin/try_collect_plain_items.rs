//! family: stream-and-ext-traits
//! what: `try_collect` on a stream of plain integers (TryStreamExt needs a stream of `Result`s)
use futures::TryStreamExt;

#[tokio::main]
async fn main() {
    let ids = futures::stream::iter(vec![1u32, 2, 3]);
    let collected: Result<Vec<u32>, std::io::Error> = ids.try_collect().await;
    println!("{collected:?}");
}
