//! family: control
//! what: an empty Vec whose element type is never known
fn main() {
    let v = Vec::new();
    println!("{}", v.len());
}
