//! family: other-async
//! what: `std::thread::sleep(..).await` in an async step (the blocking std sleep returns `()`, not tokio's Sleep future)
//! learned from: cucumber-rs/cucumber#305
use std::thread::sleep;
use std::time::Duration;

async fn wait_for_deploy(secs: u64) {
    println!("waiting");
    sleep(Duration::from_secs(secs)).await;
}

#[tokio::main]
async fn main() {
    wait_for_deploy(0).await;
}
