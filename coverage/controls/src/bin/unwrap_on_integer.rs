//! family: control
//! what: `.unwrap()` on a plain integer
fn main() {
    let n = 4u8;
    println!("{}", n.unwrap());
}
