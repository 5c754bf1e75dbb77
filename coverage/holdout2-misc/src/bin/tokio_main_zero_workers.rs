//! family: runtime-setup
//! what: `#[tokio::main(worker_threads = 0)]` meant as "let tokio pick the number of workers"
#[tokio::main(worker_threads = 0)]
async fn main() {
    println!("{}", tokio::task::yield_now().await == ());
}
