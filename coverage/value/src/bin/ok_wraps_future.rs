//! family: future-as-value
//! what: `Ok(future)` in an async fn returning Result<u32, String>
async fn load() -> u32 {
    1
}

async fn run() -> Result<u32, String> {
    Ok(load())
}

#[tokio::main]
async fn main() {
    println!("{:?}", run().await);
}
