//! family: stream-and-ext-traits
//! what: `try_for_each_concurrent` with an async closure returning `Ok(String)` where the stream's Ok type must be `()`
//! learned from: rust-lang/rust#161619
use futures::TryStreamExt;

async fn upload_all(names: Vec<&str>) -> Result<(), std::io::Error> {
    futures::stream::iter(names.into_iter().map(Ok::<&str, std::io::Error>))
        .try_for_each_concurrent(4, async |name| Ok(format!("uploaded {name}")))
        .await
}

#[tokio::main]
async fn main() {
    println!("{:?}", upload_all(vec!["a", "b"]).await);
}
