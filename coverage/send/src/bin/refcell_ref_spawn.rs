//! family: future-not-send
//! what: a RefCell `Ref` alive across an await in an async fn given to tokio::spawn
use std::cell::RefCell;
use std::sync::Arc;

async fn log(_line: &str) {}

async fn print_all(items: Arc<Vec<RefCell<String>>>) {
    for item in items.iter() {
        let text = item.borrow();
        log(&text).await;
    }
}

#[tokio::main]
async fn main() {
    let items = Arc::new(vec![RefCell::new("a".to_string())]);
    tokio::spawn(print_all(items));
}
