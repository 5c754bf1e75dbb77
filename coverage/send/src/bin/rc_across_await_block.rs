//! family: future-not-send
//! what: an Rc created in a spawned async block and used after an await
//! learned from: open-telemetry/opentelemetry-rust#126
use std::rc::Rc;

async fn store(_v: u32) {}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async {
        let shared = Rc::new(5);
        store(*shared).await;
        println!("{shared}");
    });
    handle.await.unwrap();
}
