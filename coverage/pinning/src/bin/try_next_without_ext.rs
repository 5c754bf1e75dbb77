//! family: stream-and-ext-traits
//! what: `try_next()` on a stream of Results with StreamExt but not TryStreamExt imported
use futures::StreamExt;

#[tokio::main]
async fn main() -> Result<(), String> {
    let mut s = futures::stream::iter(vec![Ok::<u8, String>(1)]);
    while let Some(v) = s.try_next().await? {
        println!("{v}");
    }
    let _ = s.next().await;
    Ok(())
}
