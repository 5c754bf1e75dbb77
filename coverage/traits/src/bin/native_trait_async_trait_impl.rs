//! family: async-trait-other
//! what: a trait with a native `async fn` implemented with `#[async_trait]` on the impl
use async_trait::async_trait;

trait Fetch {
    async fn fetch(&self) -> String;
}

struct Web;

#[async_trait]
impl Fetch for Web {
    async fn fetch(&self) -> String {
        String::from("page")
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Web.fetch().await);
}
