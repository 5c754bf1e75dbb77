//! family: control
//! what: an Arc<RefCell<_>> moved into std::thread::spawn
use std::cell::RefCell;
use std::sync::Arc;

fn main() {
    let log = Arc::new(RefCell::new(Vec::<u8>::new()));
    let l = log.clone();
    std::thread::spawn(move || l.borrow_mut().push(1)).join().unwrap();
}
