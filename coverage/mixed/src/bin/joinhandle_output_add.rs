//! family: other-async
//! what: adding to an awaited JoinHandle, whose output is `Result<T, JoinError>`
#[tokio::main]
async fn main() {
    let n = tokio::spawn(async { 20u32 }).await + 1;
    println!("{n}");
}
