//! family: runtime-setup
//! what: an unknown runtime flavor name in `#[tokio::main]`
#[tokio::main(flavor = "single_thread")]
async fn main() {
    println!("hi");
}
