//! family: control
//! what: an impl missing a required method
trait Shape {
    fn area(&self) -> f64;
}

struct Square;

impl Shape for Square {}

fn main() {}
