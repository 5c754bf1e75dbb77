//! family: future-not-send
//! what: a `&Cell<u32>` (Cell is not Sync) kept across an await in a spawned task
use std::cell::Cell;

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let count = Cell::new(0u32);
        let r = &count;
        tokio::task::yield_now().await;
        r.set(r.get() + 1);
    });
}
