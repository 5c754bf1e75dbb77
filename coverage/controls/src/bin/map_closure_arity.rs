//! family: control
//! what: Iterator::map with a closure taking two arguments
fn main() {
    let v: Vec<u32> = vec![1, 2].into_iter().map(|a, b| a + b).collect();
}
