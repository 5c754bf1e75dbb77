//! family: other-async
//! what: awaiting a `Vec<JoinHandle<_>>` as a whole (join_all or a loop is needed)
async fn work(n: u64) -> u64 {
    n * 2
}

#[tokio::main]
async fn main() {
    let handles: Vec<_> = (0..4).map(|n| tokio::spawn(work(n))).collect();
    let results = handles.await;
    println!("{results:?}");
}
