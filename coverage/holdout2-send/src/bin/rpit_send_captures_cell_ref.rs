//! family: future-not-send
//! what: a plain method promising `-> impl Future<Output = u64> + Send` whose async block uses `&self`, where the struct keeps a hit counter in a `Cell`
//! learned from: ramosbugs/oauth2-rs#179
use std::cell::Cell;
use std::future::Future;

struct TokenCache {
    hits: Cell<u64>,
}

impl TokenCache {
    fn refresh(&self) -> impl Future<Output = u64> + Send + '_ {
        async move {
            tokio::task::yield_now().await;
            self.hits.set(self.hits.get() + 1);
            self.hits.get()
        }
    }
}

#[tokio::main]
async fn main() {
    let cache = TokenCache { hits: Cell::new(0) };
    println!("{}", cache.refresh().await);
}
