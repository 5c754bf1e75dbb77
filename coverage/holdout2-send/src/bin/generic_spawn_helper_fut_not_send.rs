//! family: future-not-send
//! what: a generic `spawn_with_retry<F, Fut>` helper that calls `f()` inside tokio::spawn, with `F: Send` but no `Send` bound on the future `Fut`
use std::future::Future;
use std::time::Duration;

fn spawn_with_retry<F, Fut>(attempts: u32, f: F) -> tokio::task::JoinHandle<bool>
where
    F: Fn() -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), String>> + 'static,
{
    tokio::spawn(async move {
        for _ in 0..attempts {
            if f().await.is_ok() {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    })
}

async fn ping() -> Result<(), String> {
    Ok(())
}

#[tokio::main]
async fn main() {
    let ok = spawn_with_retry(3, ping).await.unwrap();
    println!("{ok}");
}
