//! family: future-not-send
//! what: spawned import tasks whose output is `Result<(), Box<dyn Error>>` (the `?` error type has no `Send`), collected as JoinHandles
//! learned from: dtolnay/anyhow#109
use std::error::Error;

async fn import(path: &str) -> Result<usize, std::io::Error> {
    tokio::fs::read_to_string(path).await.map(|s| s.len())
}

#[tokio::main]
async fn main() {
    let mut handles = Vec::new();
    for path in ["a.csv", "b.csv"] {
        handles.push(tokio::spawn(async move {
            let size = import(path).await?;
            println!("{path}: {size}");
            Ok::<(), Box<dyn Error>>(())
        }));
    }
    for handle in handles {
        let _ = handle.await;
    }
}
