//! family: control
//! what: reading a variable before it is initialised
fn main() {
    let n: u32;
    println!("{n}");
}
