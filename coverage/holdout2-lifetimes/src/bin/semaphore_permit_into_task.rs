//! family: future-not-static
//! what: a `SemaphorePermit<'_>` from `acquire()` on a local Semaphore moved into each spawned download task, to release the slot when the task ends
//! learned from: tokio-rs/tokio#1998
use tokio::sync::Semaphore;

async fn download(url: String) -> usize {
    url.len()
}

#[tokio::main]
async fn main() {
    let limit = Semaphore::new(2);
    let mut tasks = Vec::new();
    for url in ["a.example/1", "a.example/2", "a.example/3"] {
        let permit = limit.acquire().await.unwrap();
        tasks.push(tokio::spawn(async move {
            let size = download(url.to_string()).await;
            drop(permit);
            size
        }));
    }
    for task in tasks {
        println!("{}", task.await.unwrap());
    }
}
