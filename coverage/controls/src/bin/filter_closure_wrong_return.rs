//! family: control
//! what: Iterator::filter with a closure returning an integer
fn main() {
    let v: Vec<u32> = vec![1, 2].into_iter().filter(|x| *x).collect();
}
