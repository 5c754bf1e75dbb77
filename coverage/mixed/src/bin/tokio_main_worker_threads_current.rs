//! family: runtime-setup
//! what: `worker_threads` given with the current_thread flavor in `#[tokio::main]`
#[tokio::main(flavor = "current_thread", worker_threads = 2)]
async fn main() {
    println!("hi");
}
