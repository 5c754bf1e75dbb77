//! family: control
//! what: `parse()` without a target type
fn main() {
    let n = "5".parse().unwrap();
}
