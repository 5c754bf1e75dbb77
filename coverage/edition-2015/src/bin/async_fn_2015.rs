//! family: runtime-setup
//! what: an `async fn` in a crate on the 2015 edition (no edition key in Cargo.toml)
async fn hello() -> u8 {
    1
}

fn main() {
    let _ = hello;
}
