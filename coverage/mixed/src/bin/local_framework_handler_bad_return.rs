//! family: other-async
//! what: a web-framework-like `Handler<T, S>` (like axum's) given an async handler whose output is not a response type
//! learned from: robertwayne/axum-htmx#28
use std::future::Future;

struct Response;

trait IntoResponse {}
impl IntoResponse for Response {}
impl IntoResponse for String {}

trait Handler<T, S> {}

impl<F, Fut, S> Handler<(), S> for F
where
    F: FnOnce() -> Fut,
    Fut: Future + Send,
    Fut::Output: IntoResponse,
{
}

impl<F, Fut, S, A> Handler<(A,), S> for F
where
    F: FnOnce(A) -> Fut,
    Fut: Future + Send,
    Fut::Output: IntoResponse,
{
}

fn get<H: Handler<T, S>, T, S>(_h: H) {}

async fn health() -> Result<u16, std::io::Error> {
    Ok(200)
}

fn main() {
    get(health);
}
