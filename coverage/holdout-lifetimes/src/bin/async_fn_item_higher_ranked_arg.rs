//! family: closure-future-borrows
//! what: an async fn taking `&u8` passed by name to a helper bounded `F: Fn(&u8) -> Fut`: its future borrows the argument, so one `Fut` cannot serve every lifetime
//! learned from: rust-lang/rust#74497
use std::future::Future;

async fn is_even(x: &u8) -> bool {
    *x % 2 == 0
}

async fn check_all<F, Fut>(values: &[u8], check: F) -> usize
where
    F: Fn(&u8) -> Fut,
    Fut: Future<Output = bool>,
{
    let mut n = 0;
    for v in values {
        if check(v).await {
            n += 1;
        }
    }
    n
}

#[tokio::main]
async fn main() {
    println!("{}", check_all(&[1, 2, 4], is_even).await);
}
