//! family: distinct-future-types
//! what: `if`/`else` choosing between two different async fn calls, awaited afterwards
//! learned from: rust-lang/rust#63796
async fn from_cache() -> u32 {
    1
}
async fn from_disk() -> u32 {
    2
}

#[tokio::main]
async fn main() {
    let cached = true;
    let fut = if cached { from_cache() } else { from_disk() };
    println!("{}", fut.await);
}
