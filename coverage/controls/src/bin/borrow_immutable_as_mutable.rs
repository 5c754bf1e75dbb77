//! family: control
//! what: calling a `&mut self` method through an immutable binding
fn main() {
    let v = Vec::new();
    v.push(1);
}
