//! family: control
//! what: `collect()` without a target type
fn main() {
    let v = [1, 2].iter().map(|x| x * 2).collect();
}
