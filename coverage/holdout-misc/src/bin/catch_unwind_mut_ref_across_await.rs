//! family: other-async
//! what: `FutureExt::catch_unwind` on an async block that keeps a `&mut Vec` across an await (not UnwindSafe)
use futures::FutureExt;

async fn step(n: u32) -> u32 {
    n + 1
}

#[tokio::main]
async fn main() {
    let mut log = Vec::new();
    let outcome = async {
        let entries = &mut log;
        entries.push(step(1).await);
        entries.len()
    }
    .catch_unwind()
    .await;
    println!("{outcome:?}");
}
