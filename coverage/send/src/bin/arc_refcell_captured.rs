//! family: future-not-send
//! what: an `Arc<RefCell<_>>` moved into tokio::spawn (RefCell is not Sync, so the Arc is not Send)
use std::cell::RefCell;
use std::sync::Arc;

#[tokio::main]
async fn main() {
    let log = Arc::new(RefCell::new(Vec::<String>::new()));
    let task_log = log.clone();
    tokio::spawn(async move {
        task_log.borrow_mut().push("started".into());
    });
}
