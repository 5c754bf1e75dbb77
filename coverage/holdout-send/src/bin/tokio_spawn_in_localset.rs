//! family: future-not-send
//! what: inside `LocalSet::run_until`, a task holding an Rc across an await started with `tokio::spawn` instead of `spawn_local`
use std::rc::Rc;
use tokio::task::LocalSet;

async fn ticker(label: Rc<str>) {
    for i in 0..3 {
        tokio::task::yield_now().await;
        println!("{label} {i}");
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let local = LocalSet::new();
    local
        .run_until(async {
            let label: Rc<str> = Rc::from("tick");
            let handle = tokio::spawn(ticker(label));
            handle.await.unwrap();
        })
        .await;
}
