//! family: distinct-future-types
//! what: a tower-like `Service` declaring `type Future = std::future::Ready<..>` whose `call` then returns an `async move` block that awaits a lookup
//! learned from: tower-rs/tower#358
use std::collections::HashMap;
use std::future::{Future, Ready};

trait Service<Req> {
    type Response;
    type Future: Future<Output = Self::Response>;
    fn call(&mut self, req: Req) -> Self::Future;
}

async fn lookup(table: HashMap<String, u32>, key: String) -> Option<u32> {
    table.get(&key).copied()
}

struct Users {
    table: HashMap<String, u32>,
}

impl Service<String> for Users {
    type Response = Option<u32>;
    type Future = Ready<Option<u32>>;

    fn call(&mut self, req: String) -> Self::Future {
        let table = self.table.clone();
        async move { lookup(table, req).await }
    }
}

#[tokio::main]
async fn main() {
    let mut users = Users { table: HashMap::from([("ada".to_string(), 1)]) };
    println!("{:?}", users.call("ada".into()).await);
}
