//! family: future-not-static
//! what: std::thread::spawn whose closure block_on's a future borrowing a local
async fn count(items: &[u8]) -> usize {
    items.len()
}

fn main() {
    let items = vec![1u8, 2];
    let t = std::thread::spawn(|| futures::executor::block_on(count(&items)));
    println!("{}", t.join().unwrap());
}
