//! family: future-as-value
//! what: unary minus on an async fn's future
async fn offset() -> i32 {
    4
}

#[tokio::main]
async fn main() {
    let back = -offset();
    println!("{back}");
}
