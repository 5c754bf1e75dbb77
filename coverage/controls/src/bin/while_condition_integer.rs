//! family: control
//! what: an integer as a `while` condition
fn main() {
    let mut n = 3;
    while n {
        n -= 1;
    }
}
