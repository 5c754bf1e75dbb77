//! family: future-as-value
//! what: `==` between an async fn's future and an integer
async fn schema_version() -> u32 {
    2
}

#[tokio::main]
async fn main() {
    if schema_version() == 2 {
        println!("current");
    }
}
