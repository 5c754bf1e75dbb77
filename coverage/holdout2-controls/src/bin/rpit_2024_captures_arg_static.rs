//! family: control
//! what: on edition 2024, `fn label(v: &Vec<u32>) -> impl Display` (which copies what it needs) still captures the borrow, so passing its result where `'static` is required fails
use std::fmt::Display;

fn label(v: &Vec<u32>) -> impl Display {
    format!("{} items", v.len())
}

fn keep<T: Display + 'static>(t: T) -> String {
    t.to_string()
}

fn main() {
    let v = vec![1, 2, 3];
    let text = keep(label(&v));
    println!("{text}");
}
