//! family: control
//! what: a generic `publish<T: Display + 'static>` moving its `T` into `std::thread::spawn` without a `Send` bound
use std::fmt::Display;

fn publish<T: Display + 'static>(item: T) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || println!("published {item}"))
}

fn main() {
    publish(1u8).join().unwrap();
}
