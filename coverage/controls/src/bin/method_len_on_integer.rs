//! family: control
//! what: `.len()` on an integer
fn main() {
    let n = 5u32;
    println!("{}", n.len());
}
