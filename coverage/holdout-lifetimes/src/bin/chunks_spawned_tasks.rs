//! family: future-not-static
//! what: `for chunk in data.chunks(2) { tokio::spawn(async move { .. chunk .. }) }`: each task gets a borrowed slice of a local Vec
async fn sum_chunk(chunk: &[u64]) -> u64 {
    chunk.iter().sum()
}

#[tokio::main]
async fn main() {
    let data: Vec<u64> = (1..=10).collect();
    let mut handles = Vec::new();
    for chunk in data.chunks(2) {
        handles.push(tokio::spawn(async move { sum_chunk(chunk).await }));
    }
    for h in handles {
        println!("{}", h.await.unwrap());
    }
}
