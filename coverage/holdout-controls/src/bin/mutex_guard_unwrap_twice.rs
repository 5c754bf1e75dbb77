//! family: control
//! what: `.lock().unwrap().unwrap()` on a std Mutex (the guard has no `unwrap`)
use std::sync::Mutex;

fn main() {
    let log = Mutex::new(Vec::<String>::new());
    log.lock().unwrap().unwrap().push("start".into());
}
