//! family: control
//! what: `String + integer`
fn main() {
    let s = String::from("n") + 5;
    println!("{s}");
}
