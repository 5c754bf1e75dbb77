//! family: future-not-static
//! what: a factory returning `Box<dyn Future<Output = u32>>` (implicitly `'static`) from `Box::new(async { .. })` that borrows a local
//! learned from: rust-lang/rust tests/ui/async-await/async-borrowck-escaping-block-error.stderr
use std::future::Future;

fn make_job(seed: u32) -> Box<dyn Future<Output = u32>> {
    let offset = seed * 2;
    Box::new(async { offset + 1 })
}

#[tokio::main]
async fn main() {
    let job = Box::into_pin(make_job(3));
    println!("{}", job.await);
}
