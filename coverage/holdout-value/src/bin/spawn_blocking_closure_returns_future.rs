//! family: future-as-value
//! what: spawn_blocking given a closure that calls an async fn, so the task's output is a future, then used as a number
async fn checksum(data: Vec<u8>) -> u32 {
    data.iter().map(|b| *b as u32).sum()
}

#[tokio::main]
async fn main() {
    let data = vec![1u8, 2, 3];
    let sum: u32 = tokio::task::spawn_blocking(move || checksum(data)).await.unwrap();
    println!("{sum}");
}
