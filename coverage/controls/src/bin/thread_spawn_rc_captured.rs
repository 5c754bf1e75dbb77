//! family: control
//! what: an Rc moved into std::thread::spawn
use std::rc::Rc;

fn main() {
    let shared = Rc::new(5);
    let t = std::thread::spawn(move || println!("{shared}"));
    t.join().unwrap();
}
