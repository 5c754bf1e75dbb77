//! family: future-not-send
//! what: an `#[async_trait]` impl (futures must be Send) holding a RefCell borrow across an await
//! learned from: dtolnay/async-trait#231
use async_trait::async_trait;
use std::cell::RefCell;

#[async_trait]
trait Counter {
    async fn bump(&self) -> u32;
}

struct Local;

async fn tick() {}

#[async_trait]
impl Counter for Local {
    async fn bump(&self) -> u32 {
        let c = RefCell::new(1u32);
        let v = c.borrow();
        tick().await;
        *v
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Local.bump().await);
}
