//! family: other-async
//! what: `std::thread::spawn(async move { .. })` to run an async job on its own thread (thread::spawn takes a closure and never polls a future)
async fn compact(segments: Vec<u32>) -> usize {
    segments.len()
}

fn main() {
    let segments = vec![1, 2, 3];
    let worker = std::thread::spawn(async move {
        let n = compact(segments).await;
        println!("compacted {n}");
    });
    worker.join().unwrap();
}
