//! family: runtime-setup
//! what: `#[tokio::main]` with tokio's `macros` feature off
//! learned from: apache/casbin-rust-diesel-adapter#64
#[tokio::main]
async fn main() {
    println!("hi");
}
