//! family: future-not-send
//! what: an `Arc<Cell<u64>>` moved into a spawned task (Cell is not Sync)
use std::cell::Cell;
use std::sync::Arc;

#[tokio::main]
async fn main() {
    let total = Arc::new(Cell::new(0u64));
    let t = total.clone();
    tokio::spawn(async move {
        t.set(t.get() + 1);
    });
}
