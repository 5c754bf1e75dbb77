//! family: control
//! what: `.unwrap()` called directly on a `std::sync::mpsc::Receiver` instead of on `recv()`'s result
use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<u64>();
    thread::spawn(move || tx.send(42).unwrap());
    let answer = rx.unwrap();
    println!("{answer}");
}
