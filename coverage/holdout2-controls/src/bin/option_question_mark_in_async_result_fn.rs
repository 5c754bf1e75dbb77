//! family: control
//! what: `?` on an `Option` (a map lookup) inside an async fn returning `Result<_, String>`
use std::collections::HashMap;

async fn price_of(prices: &HashMap<String, u32>, item: &str) -> Result<u32, String> {
    let price = prices.get(item)?;
    Ok(*price * 2)
}

#[tokio::main]
async fn main() {
    let prices = HashMap::from([("tea".to_string(), 3)]);
    println!("{:?}", price_of(&prices, "tea").await);
}
