//! family: control
//! what: pushing to a Vec while holding a reference to an element
fn main() {
    let mut v = vec![1, 2];
    let first = &v[0];
    v.push(3);
    println!("{first}");
}
