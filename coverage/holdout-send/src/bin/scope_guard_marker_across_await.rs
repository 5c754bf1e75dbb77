//! family: future-not-send
//! what: a span-style scope guard (with a raw-pointer marker, like tracing's `Entered`) held across awaits in a request handler given to tokio::spawn
use std::marker::PhantomData;

struct Span {
    name: &'static str,
}

struct Entered<'a> {
    span: &'a Span,
    _not_send: PhantomData<*mut ()>,
}

impl Span {
    fn enter(&self) -> Entered<'_> {
        Entered { span: self, _not_send: PhantomData }
    }
}

impl Drop for Entered<'_> {
    fn drop(&mut self) {
        println!("leave {}", self.span.name);
    }
}

async fn handle_request(path: String) -> usize {
    let span = Span { name: "request" };
    let _guard = span.enter();
    tokio::task::yield_now().await;
    path.len()
}

#[tokio::main]
async fn main() {
    let n = tokio::spawn(handle_request("/index".into())).await.unwrap();
    println!("{n}");
}
