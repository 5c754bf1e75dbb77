//! family: future-as-value
//! what: `tokio::time::timeout(d, fetch())?` (the `Timeout` future) with the `.await` forgotten before the `?`
use std::time::Duration;
use tokio::time::{error::Elapsed, timeout};

async fn fetch_quote(symbol: &str) -> f64 {
    symbol.len() as f64
}

async fn quote_or_timeout(symbol: &str) -> Result<f64, Elapsed> {
    let price = timeout(Duration::from_secs(2), fetch_quote(symbol))?;
    Ok(price * 1.01)
}

#[tokio::main]
async fn main() {
    println!("{:?}", quote_or_timeout("ACME").await);
}
