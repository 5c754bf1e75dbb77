//! family: future-as-value
//! what: an async fn returning another async fn's future as its tail expression
async fn compute() -> u32 {
    7
}

async fn total() -> u32 {
    compute()
}

#[tokio::main]
async fn main() {
    println!("{}", total().await);
}
