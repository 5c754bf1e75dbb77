//! family: future-not-send
//! what: a generic `publish<T: Display + 'static>` that spawns a task owning the `T` (no `Send` bound on the parameter)
use std::fmt::Display;
use std::time::Duration;

fn publish<T: Display + 'static>(item: T, delay_ms: u64) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(delay_ms)).await;
        println!("published {item}");
    })
}

#[tokio::main]
async fn main() {
    publish(42u32, 1).await.unwrap();
}
