//! family: future-not-unpin
//! what: a `Timed<F>` wrapper future forwarding `poll` with `self.inner.poll(cx)` on its generic `F` field (not pinned)
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

struct Timed<F> {
    inner: F,
    started: Instant,
}

impl<F: Future> Future for Timed<F> {
    type Output = (F::Output, u128);

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.inner.poll(cx) {
            Poll::Ready(out) => Poll::Ready((out, self.started.elapsed().as_millis())),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main]
async fn main() {
    let timed = Timed { inner: async { 42 }, started: Instant::now() };
    println!("{:?}", timed.await);
}
