//! family: control
//! what: a `Box<dyn Error>` (no Send) moved into std::thread::spawn
use std::error::Error;

fn main() {
    let e: Box<dyn Error> = "bad".into();
    std::thread::spawn(move || println!("{e}")).join().unwrap();
}
