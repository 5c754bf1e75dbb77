//! family: control
//! what: `std::env::args()` (not Send) moved into a `std::thread::spawn` closure that reads it
use std::thread;

fn main() {
    let args = std::env::args();
    let reader = thread::spawn(move || args.skip(1).collect::<Vec<String>>());
    println!("{:?}", reader.join().unwrap());
}
