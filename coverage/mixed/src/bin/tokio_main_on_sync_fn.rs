//! family: runtime-setup
//! what: `#[tokio::main]` on a `main` that is not async
#[tokio::main]
fn main() {
    println!("hi");
}
