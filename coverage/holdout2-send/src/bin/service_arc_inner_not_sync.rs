//! family: future-not-send
//! what: a tower-like `Service` whose `call` returns `Pin<Box<dyn Future + Send>>` from an async block holding an `Arc<Inner>`, where Inner counts requests in a `Cell` (so the Arc is not Send)
//! learned from: tower-rs/tower#663
use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

trait Service<Req> {
    type Response;
    type Future: Future<Output = Self::Response>;
    fn call(&mut self, req: Req) -> Self::Future;
}

struct Inner {
    served: Cell<u64>,
}

impl Inner {
    async fn handle(&self, path: String) -> String {
        self.served.set(self.served.get() + 1);
        tokio::task::yield_now().await;
        format!("200 {path}")
    }
}

struct Router {
    inner: Arc<Inner>,
}

impl Service<String> for Router {
    type Response = String;
    type Future = Pin<Box<dyn Future<Output = String> + Send>>;

    fn call(&mut self, req: String) -> Self::Future {
        let inner = Arc::clone(&self.inner);
        Box::pin(async move { inner.handle(req).await })
    }
}

#[tokio::main]
async fn main() {
    let mut router = Router { inner: Arc::new(Inner { served: Cell::new(0) }) };
    println!("{}", router.call("/health".into()).await);
}
