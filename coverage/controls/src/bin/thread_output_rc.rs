//! family: control
//! what: a thread returning an Rc
use std::rc::Rc;

fn main() {
    let t = std::thread::spawn(|| Rc::new(1));
    println!("{}", t.join().unwrap());
}
