//! family: control
//! what: two live `&mut` borrows of the same value
fn main() {
    let mut s = String::new();
    let a = &mut s;
    let b = &mut s;
    a.push('a');
    b.push('b');
}
