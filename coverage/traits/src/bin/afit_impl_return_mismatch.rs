//! family: async-trait-other
//! what: an impl's `async fn` returning String where the trait's `async fn` returns u32
trait Count {
    async fn count(&self) -> u32;
}

struct Words;

impl Count for Words {
    async fn count(&self) -> String {
        String::from("3")
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Words.count().await);
}
