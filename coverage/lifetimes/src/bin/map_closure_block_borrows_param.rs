//! family: closure-future-borrows
//! what: `.map(|n| async { .. n .. })`: each async block borrows the closure's own parameter
#[tokio::main]
async fn main() {
    let ids = vec![1u32, 2, 3];
    let futs: Vec<_> = ids.into_iter().map(|n| async { n * 2 }).collect();
    let out = futures::future::join_all(futs).await;
    println!("{out:?}");
}
