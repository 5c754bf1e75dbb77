//! Two modules, one type error each: `good.rs` gets an edit that fixes it, `bad.rs` one that
//! replaces it with another error (tests/fix-kb).
mod bad;
mod good;

fn main() {
    println!("{} {}", good::value(), bad::value());
}
