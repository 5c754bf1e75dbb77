//! family: control
//! what: dereferencing a plain u32
fn main() {
    let n: u32 = 4;
    let m = *n;
    println!("{m}");
}
