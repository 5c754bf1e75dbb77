//! family: control
//! what: an attribute macro that is not in scope
#[derive(Debug)]
struct A;

#[memoize]
fn f() -> u8 {
    1
}

fn main() {
    println!("{:?} {}", A, f());
}
