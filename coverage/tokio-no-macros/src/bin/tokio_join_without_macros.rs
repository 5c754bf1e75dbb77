//! family: runtime-setup
//! what: `tokio::join!` with tokio's `macros` feature off, inside a runtime built by hand
async fn a() -> u8 {
    1
}
async fn b() -> u8 {
    2
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let (x, y) = rt.block_on(async { tokio::join!(a(), b()) });
    println!("{x} {y}");
}
