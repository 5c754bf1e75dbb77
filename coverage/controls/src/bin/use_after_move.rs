//! family: control
//! what: using a String after moving it into a function
fn consume(_s: String) {}

fn main() {
    let s = String::from("a");
    consume(s);
    println!("{s}");
}
