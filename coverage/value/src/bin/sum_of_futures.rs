//! family: future-as-value
//! what: summing the futures produced in a `map` closure instead of their outputs
async fn price(id: u32) -> u32 {
    id * 10
}

#[tokio::main]
async fn main() {
    let ids = [1, 2, 3];
    let total: u32 = ids.iter().map(|id| price(*id)).sum();
    println!("{total}");
}
