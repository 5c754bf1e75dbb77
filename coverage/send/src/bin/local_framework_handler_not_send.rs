//! family: future-not-send
//! what: a web-framework-like `Handler<T, S>` implemented per arity (like axum's), a handler whose future holds a MutexGuard across an await
//! learned from: ordinals/ord#1648
use std::future::Future;
use std::sync::Mutex;

trait Handler<T, S> {}

impl<F, Fut, S> Handler<(), S> for F
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = String> + Send,
{
}

impl<F, Fut, S, A> Handler<(A,), S> for F
where
    F: FnOnce(A) -> Fut,
    Fut: Future<Output = String> + Send,
{
}

fn get<H: Handler<T, S>, T, S>(_h: H) {}

static HITS: Mutex<u32> = Mutex::new(0);

async fn index() -> String {
    let mut hits = HITS.lock().unwrap();
    *hits += 1;
    tokio::task::yield_now().await;
    hits.to_string()
}

fn main() {
    get(index);
}
