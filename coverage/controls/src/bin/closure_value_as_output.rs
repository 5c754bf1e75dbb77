//! family: control
//! what: a closure bound to a u32 variable instead of its result
fn main() {
    let answer: u32 = || 40 + 2;
    println!("{answer}");
}
