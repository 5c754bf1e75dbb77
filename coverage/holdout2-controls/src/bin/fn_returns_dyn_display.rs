//! family: control
//! what: a plain method declared `-> dyn Display` to return either a String or a number
use std::fmt::Display;

struct Report {
    rows: usize,
}

impl Report {
    fn summary(&self) -> dyn Display {
        if self.rows == 0 { "empty".to_string() } else { self.rows }
    }
}

fn main() {
    println!("{}", Report { rows: 2 }.summary());
}
