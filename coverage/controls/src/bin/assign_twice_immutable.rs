//! family: control
//! what: assigning twice to an immutable binding
#![allow(unused_assignments)]
fn main() {
    let count = 0;
    count = 1;
    println!("{count}");
}
