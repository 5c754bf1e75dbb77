//! family: other-async
//! what: `let mut cursor = collection.find(filter).await;` (a `Result<Cursor, _>`) then `cursor.next().await` with StreamExt imported, without unwrapping the Result
//! learned from: mongodb/mongo-rust-driver#540
use futures::stream::{self, BoxStream, StreamExt};

struct Collection {
    docs: Vec<String>,
}

impl Collection {
    async fn find(&self, filter: &str) -> Result<BoxStream<'static, String>, String> {
        let hits: Vec<String> = self.docs.iter().filter(|d| d.contains(filter)).cloned().collect();
        Ok(stream::iter(hits).boxed())
    }
}

#[tokio::main]
async fn main() {
    let products = Collection { docs: vec!["apple".into(), "pear".into()] };
    let mut cursor = products.find("p").await;
    while let Some(doc) = cursor.next().await {
        println!("{doc}");
    }
}
