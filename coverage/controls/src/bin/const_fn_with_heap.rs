//! family: control
//! what: calling a non-const fn in a const
fn make() -> u8 {
    1
}

const X: u8 = make();

fn main() {
    println!("{X}");
}
