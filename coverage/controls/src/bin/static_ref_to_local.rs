//! family: control
//! what: a local borrowed where `&static str` is required
fn keep(_s: &'static str) {}

fn main() {
    let s = String::from("x");
    keep(&s);
}
