//! family: closure-future-borrows
//! what: a closure `|s: &str| async move { .. }` passed where `F: Fn(&str) -> Fut` is required
//! learned from: rust-lang/rust#74497
use std::future::Future;

async fn each_line<F, Fut>(f: F)
where
    F: Fn(&str) -> Fut,
    Fut: Future<Output = usize>,
{
    for line in ["a", "bb"] {
        println!("{}", f(line).await);
    }
}

#[tokio::main]
async fn main() {
    each_line(|s: &str| async move { s.len() }).await;
}
