//! family: closure-future-borrows
//! what: an FnMut closure returning an async block that mutates a captured counter
async fn run_twice<F, Fut>(mut f: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    f().await;
    f().await;
}

#[tokio::main]
async fn main() {
    let mut calls = 0;
    run_twice(|| async {
        calls += 1;
    })
    .await;
}
