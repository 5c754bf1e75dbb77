//! family: future-not-send
//! what: a RefCell `RefMut` from borrow_mut() alive across an await in a spawned async block
use std::cell::RefCell;

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let counter = RefCell::new(0);
        let mut c = counter.borrow_mut();
        tokio::task::yield_now().await;
        *c += 1;
    });
}
