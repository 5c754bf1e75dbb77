//! family: control
//! what: indexing a slice with a `u32` position
fn main() {
    let names = ["ann", "bob"];
    let pos: u32 = 1;
    println!("{}", names[pos]);
}
