//! family: control
//! what: formatting a struct without Display with `{}`
struct Point {
    x: i32,
}

fn main() {
    println!("{}", Point { x: 1 });
}
