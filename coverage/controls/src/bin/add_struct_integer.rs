//! family: control
//! what: adding an integer to a struct without an Add impl
struct Meters(u32);

fn main() {
    let m = Meters(3);
    let n = m + 1;
}
