//! family: control
//! what: a recursive struct without indirection
struct Node {
    value: u32,
    next: Option<Node>,
}

fn main() {}
