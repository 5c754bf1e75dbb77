//! family: future-as-value
//! what: `>` between an async fn's future and an integer
async fn load() -> u32 {
    11
}

#[tokio::main]
async fn main() {
    if load() > 10 {
        println!("big");
    }
}
