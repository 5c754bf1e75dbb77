//! family: future-not-send
//! what: a web-framework-like `Handler` bound (written here, like axum's) unmet because the handler's future holds an Rc
//! learned from: tokio-rs/axum#2890
use std::future::Future;
use std::rc::Rc;

trait Handler<T> {}

impl<F, Fut> Handler<()> for F
where
    F: Fn() -> Fut,
    Fut: Future<Output = String> + Send + 'static,
{
}

fn get<H: Handler<T>, T>(_h: H) {}

async fn index() -> String {
    let cache = Rc::new(String::from("page"));
    tokio::task::yield_now().await;
    cache.to_string()
}

fn main() {
    get(index);
}
