//! family: async-recursion
//! what: two async fns calling each other without boxing
//! learned from: sqlpage/SQLPage#455
async fn even(n: u32) -> bool {
    if n == 0 { true } else { odd(n - 1).await }
}

async fn odd(n: u32) -> bool {
    if n == 0 { false } else { even(n - 1).await }
}

#[tokio::main]
async fn main() {
    println!("{}", even(4).await);
}
