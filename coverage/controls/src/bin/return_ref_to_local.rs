//! family: control
//! what: returning a reference to a local String
fn make() -> &'static str {
    let s = String::from("x");
    &s
}

fn main() {
    println!("{}", make());
}
