//! family: future-not-send
//! what: an async fn in a trait called on a generic type inside tokio::spawn (its future is not known to be Send)
trait Store {
    async fn get(&self, key: u32) -> Option<String>;
}

fn start<S: Store + Send + Sync + 'static>(store: S) {
    tokio::spawn(async move {
        let _ = store.get(1).await;
    });
}

struct Mem;

impl Store for Mem {
    async fn get(&self, key: u32) -> Option<String> {
        Some(key.to_string())
    }
}

#[tokio::main]
async fn main() {
    start(Mem);
}
