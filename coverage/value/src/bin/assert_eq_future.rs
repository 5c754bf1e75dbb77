//! family: future-as-value
//! what: `assert_eq!` comparing an async fn's future with an integer
async fn compute() -> u32 {
    4
}

#[tokio::main]
async fn main() {
    assert_eq!(compute(), 4);
}
