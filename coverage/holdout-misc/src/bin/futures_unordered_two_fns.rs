//! family: distinct-future-types
//! what: pushing the futures of two different async fns into one `FuturesUnordered`
use futures::StreamExt;
use futures::stream::FuturesUnordered;

async fn from_primary() -> u32 {
    1
}

async fn from_replica() -> u32 {
    2
}

#[tokio::main]
async fn main() {
    let mut racing = FuturesUnordered::new();
    racing.push(from_primary());
    racing.push(from_replica());
    while let Some(v) = racing.next().await {
        println!("{v}");
    }
}
