//! family: future-not-send
//! what: a service trait whose method returns `Pin<Box<dyn Future<Output = String>>>` (no `+ Send`), called on an `Arc<dyn Service + Send + Sync>` inside tokio::spawn
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

trait Service {
    fn call(&self, req: String) -> Pin<Box<dyn Future<Output = String>>>;
}

struct Upper;

impl Service for Upper {
    fn call(&self, req: String) -> Pin<Box<dyn Future<Output = String>>> {
        Box::pin(async move { req.to_uppercase() })
    }
}

#[tokio::main]
async fn main() {
    let svc: Arc<dyn Service + Send + Sync> = Arc::new(Upper);
    let task = tokio::spawn(async move { svc.call("hi".into()).await });
    println!("{}", task.await.unwrap());
}
