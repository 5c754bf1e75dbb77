//! family: closure-future-borrows
//! what: a retry helper taking `FnMut() -> Fut`, given a closure whose async block uses a captured `&mut` buffer
use std::future::Future;

async fn retry<F, Fut>(mut op: F) -> bool
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    for _ in 0..3 {
        if op().await {
            return true;
        }
    }
    false
}

#[tokio::main]
async fn main() {
    let mut log: Vec<String> = Vec::new();
    let ok = retry(|| async {
        log.push("try".into());
        false
    })
    .await;
    println!("{ok}");
}
