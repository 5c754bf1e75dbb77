//! family: runtime-setup
//! what: `tokio::runtime::Runtime::new()` with only the `rt` feature (it builds a multi-thread runtime)
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async { println!("hi") });
}
