//! A type error whose test edit names a value that does not exist.
pub fn value() -> u64 {
    let n: u64 = "8"; // fix-test: breaking edit
    n
}
