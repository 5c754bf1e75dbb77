//! A type error whose test edit (`"7"` → `7`) fixes it.
pub fn value() -> u32 {
    let n: u32 = "7"; // fix-test: good edit
    n
}
