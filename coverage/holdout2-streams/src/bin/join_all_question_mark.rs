//! family: other-async
//! what: `join_all(uploads).await?` where each upload returns a Result (join_all yields a `Vec<Result<..>>`; try_join_all was meant)
//! learned from: LemmyNet/lemmy#2674
use futures::future::join_all;

async fn upload(name: &str) -> Result<u64, std::io::Error> {
    Ok(name.len() as u64)
}

async fn upload_all(names: &[&str]) -> Result<u64, std::io::Error> {
    let sizes = join_all(names.iter().map(|n| upload(n))).await?;
    Ok(sizes.iter().sum())
}

#[tokio::main]
async fn main() {
    println!("{:?}", upload_all(&["a", "b"]).await);
}
