//! family: control
//! what: calling `.next()` on a `Vec` as if it were an iterator
fn main() {
    let mut jobs = vec![1, 2, 3];
    while let Some(j) = jobs.next() {
        println!("{j}");
    }
}
