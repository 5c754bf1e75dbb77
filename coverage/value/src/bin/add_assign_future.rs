//! family: future-as-value
//! what: `+=` with an async fn's future on the right-hand side
async fn next_amount() -> u64 {
    5
}

#[tokio::main]
async fn main() {
    let mut total = 0u64;
    total += next_amount();
    println!("{total}");
}
