//! family: control
//! what: calling `.next()` on a `std::sync::mpsc::Receiver` as if it were an iterator
use std::sync::mpsc;

fn main() {
    let (tx, rx) = mpsc::channel::<String>();
    tx.send("hi".into()).unwrap();
    drop(tx);
    while let Some(msg) = rx.next() {
        println!("{msg}");
    }
}
