//! family: control
//! what: `+=` a String onto a u64
fn main() {
    let mut total = 0u64;
    total += String::from("5");
    println!("{total}");
}
