//! family: other-async
//! what: a plain method declared `-> impl Future<Output = ()>` whose body does the work synchronously and ends with a statement (no async block), so it returns `()`
//! learned from: rust-lang/rust tests/ui/async-await/async-error-span.stderr
use std::future::Future;

struct Cache {
    entries: Vec<String>,
}

impl Cache {
    fn clear(&mut self) -> impl Future<Output = ()> {
        self.entries.clear();
        println!("cleared");
    }
}

#[tokio::main]
async fn main() {
    let mut cache = Cache { entries: vec!["a".into()] };
    cache.clear().await;
}
