//! family: control
//! what: unary `!` on a String
fn main() {
    let s = String::from("x");
    let t = !s;
}
