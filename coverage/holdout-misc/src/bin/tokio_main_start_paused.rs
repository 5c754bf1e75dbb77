//! family: runtime-setup
//! what: `#[tokio::main(start_paused = true)]` in a program whose tokio has `full` (which lacks `test-util`)
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    println!("done");
}
