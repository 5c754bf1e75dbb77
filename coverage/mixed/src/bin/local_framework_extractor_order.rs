//! family: other-async
//! what: a web-framework-like handler whose body extractor is not the last argument (only the last may consume the body, like axum)
//! learned from: bionic-gpt/bionic-gpt#125
use std::future::Future;

struct Body(String);
struct Path(u32);

trait FromRequestParts {}
trait FromRequest {}
impl FromRequestParts for Path {}
impl FromRequest for Body {}
impl<T: FromRequestParts> FromRequest for T {}

trait Handler<T, S> {}

impl<F, Fut, S, A> Handler<(A,), S> for F
where
    F: FnOnce(A) -> Fut,
    Fut: Future<Output = String> + Send,
    A: FromRequest,
{
}

impl<F, Fut, S, A, B> Handler<(A, B), S> for F
where
    F: FnOnce(A, B) -> Fut,
    Fut: Future<Output = String> + Send,
    A: FromRequestParts,
    B: FromRequest,
{
}

fn post<H: Handler<T, S>, T, S>(_h: H) {}

async fn update(body: Body, id: Path) -> String {
    format!("{} {}", body.0, id.0)
}

fn main() {
    post(update);
}
