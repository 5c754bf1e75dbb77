//! family: future-not-unpin
//! what: Pin::new(&mut fut) on an async block in order to poll it by hand
use std::pin::Pin;
use std::task::{Context, Poll};

fn poll_once(cx: &mut Context<'_>) -> Poll<u32> {
    let mut fut = async { 5u32 };
    std::future::Future::poll(Pin::new(&mut fut), cx)
}

fn main() {
    let waker = futures::task::noop_waker();
    let mut cx = Context::from_waker(&waker);
    println!("{:?}", poll_once(&mut cx));
}
