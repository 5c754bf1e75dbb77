//! family: future-as-value
//! what: `*` on an async fn's future that returns a Box
async fn load_limit() -> Box<u32> {
    Box::new(10)
}

#[tokio::main]
async fn main() {
    let limit: u32 = *load_limit();
    println!("{limit}");
}
