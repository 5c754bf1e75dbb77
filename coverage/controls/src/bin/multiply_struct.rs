//! family: control
//! what: multiplying a struct by an integer
struct Price(u32);

fn main() {
    let p = Price(2);
    let d = p * 2;
}
