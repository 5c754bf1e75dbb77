//! family: async-trait-other
//! what: a tower-like `Service` impl naming its associated future type `type Future = impl Future<Output = ..>` so that `call` can return an async block
//! learned from: tower-rs/tower#103
use std::future::Future;

trait Service<Req> {
    type Response;
    type Future: Future<Output = Self::Response>;
    fn call(&mut self, req: Req) -> Self::Future;
}

struct Echo;

impl Service<String> for Echo {
    type Response = String;
    type Future = impl Future<Output = String>;

    fn call(&mut self, req: String) -> Self::Future {
        async move { req.to_uppercase() }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Echo.call("hi".into()).await);
}
