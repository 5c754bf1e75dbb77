//! family: control
//! what: summing an iterator of &str into u32
fn main() {
    let words = ["a", "b"];
    let total: u32 = words.iter().sum();
    println!("{total}");
}
