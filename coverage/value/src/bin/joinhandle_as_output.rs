//! family: future-as-value
//! what: the JoinHandle of tokio::spawn bound to the task's output type
#[tokio::main]
async fn main() {
    let sum: u64 = tokio::spawn(async { 1 + 2 });
    println!("{sum}");
}
