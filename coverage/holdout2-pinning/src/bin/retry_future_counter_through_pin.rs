//! family: future-not-unpin
//! what: a hand-written `Retry<F>` future holding its generic inner future inline and counting attempts with `self.attempts += 1` in `poll` (the inline `F` makes `Retry<F>` not Unpin, so the Pin gives no `&mut`)
//! learned from: rust-lang/futures-rs#2558
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Retry<F> {
    inner: F,
    attempts: u32,
}

impl<F: Future<Output = Result<u32, String>>> Future for Retry<F> {
    type Output = Result<u32, String>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        self.attempts += 1;
        // SAFETY: `inner` is never moved out of the pinned `Retry`.
        unsafe { self.as_mut().map_unchecked_mut(|s| &mut s.inner) }.poll(cx)
    }
}

async fn fetch() -> Result<u32, String> {
    Ok(7)
}

#[tokio::main]
async fn main() {
    let retry = Retry { inner: fetch(), attempts: 0 };
    println!("{:?}", retry.await);
}
