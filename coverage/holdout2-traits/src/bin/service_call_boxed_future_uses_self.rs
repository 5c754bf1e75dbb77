//! family: future-not-static
//! what: a tower-like `Service::call(&mut self, ..)` returning `Pin<Box<dyn Future + Send>>` (implicitly `'static`) from an async block that uses `self.inner` instead of a clone
//! learned from: tokio-rs/tokio#607
use std::future::Future;
use std::pin::Pin;

trait Service<Req> {
    type Response;
    type Future: Future<Output = Self::Response>;
    fn call(&mut self, req: Req) -> Self::Future;
}

struct Backend {
    prefix: String,
}

impl Backend {
    async fn forward(&self, req: String) -> String {
        format!("{}{}", self.prefix, req)
    }
}

struct Proxy {
    inner: Backend,
}

impl Service<String> for Proxy {
    type Response = String;
    type Future = Pin<Box<dyn Future<Output = String> + Send>>;

    fn call(&mut self, req: String) -> Self::Future {
        Box::pin(async move { self.inner.forward(req).await })
    }
}

#[tokio::main]
async fn main() {
    let mut proxy = Proxy { inner: Backend { prefix: "/api".into() } };
    println!("{}", proxy.call("/users".into()).await);
}
