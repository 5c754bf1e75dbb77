//! family: future-as-value
//! what: `stream::iter` over a Vec of futures drained with `next().await`, expecting the futures' outputs instead of the futures
use futures::StreamExt;

async fn price(item: &str) -> u32 {
    item.len() as u32
}

#[tokio::main]
async fn main() {
    let mut prices = futures::stream::iter(vec![price("tea"), price("coffee")]);
    let mut total = 0u32;
    while let Some(p) = prices.next().await {
        total += p;
    }
    println!("{total}");
}
