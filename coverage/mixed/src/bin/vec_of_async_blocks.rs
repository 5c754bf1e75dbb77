//! family: distinct-future-types
//! what: `vec![async { .. }, async { .. }]` for join_all
//! learned from: rust-lang/rust#126215
#[tokio::main]
async fn main() {
    let jobs = vec![async { 1u8 }, async { 2u8 }];
    let out = futures::future::join_all(jobs).await;
    println!("{out:?}");
}
