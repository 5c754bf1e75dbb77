//! family: future-not-unpin
//! what: FutureExt::poll_unpin inside a hand-written Future on a field holding an async fn's future
use futures::FutureExt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

async fn work() -> u8 {
    3
}

struct Wrapper<F> {
    inner: F,
}

impl<F: Future<Output = u8>> Future for Wrapper<F> {
    type Output = u8;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u8> {
        self.inner.poll_unpin(cx)
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Wrapper { inner: work() }.await);
}
