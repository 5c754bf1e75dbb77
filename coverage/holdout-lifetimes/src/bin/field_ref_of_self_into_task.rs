//! family: future-not-static
//! what: an async `&self` method that takes a reference to one of its fields and moves it into `tokio::spawn`
//! learned from: rust-lang/rust tests/ui/async-await/issues/issue-72312.stderr
use std::time::Duration;

struct Poller {
    endpoint: String,
    interval: Duration,
}

impl Poller {
    async fn start(&self) {
        let endpoint = &self.endpoint;
        let interval = self.interval;
        tokio::spawn(async move {
            loop {
                println!("poll {endpoint}");
                tokio::time::sleep(interval).await;
            }
        });
    }
}

#[tokio::main]
async fn main() {
    let poller = Poller { endpoint: "/health".into(), interval: Duration::from_secs(1) };
    poller.start().await;
}
