//! family: control
//! what: a struct without `Display` passed to a generic logger bounded by `T: Display`
use std::fmt::Display;

struct Point {
    x: i32,
}

fn log_value<T: Display>(v: T) {
    println!("{v}");
}

fn main() {
    log_value(Point { x: 1 });
}
