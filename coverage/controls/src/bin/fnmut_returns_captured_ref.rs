//! family: control
//! what: an FnMut closure returning a `&mut` to its captured Vec
fn main() {
    let mut v = vec![1];
    let mut f = || &mut v;
    f().push(2);
}
