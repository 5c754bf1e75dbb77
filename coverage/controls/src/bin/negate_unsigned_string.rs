//! family: control
//! what: unary minus on a String
fn main() {
    let s = String::from("1");
    let n = -s;
}
