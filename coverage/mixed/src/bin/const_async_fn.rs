//! family: other-async
//! what: a fn declared both `const` and `async`
const async fn zero() -> u8 {
    0
}

#[tokio::main]
async fn main() {
    println!("{}", zero().await);
}
