//! family: future-not-unpin
//! what: a generic helper `poll_once<F: Future>(f: &mut F)` calling `Pin::new(f).poll(cx)` without an `Unpin` bound
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

fn poll_once<F: Future>(fut: &mut F) -> Option<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    match Pin::new(fut).poll(&mut cx) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

fn main() {
    let mut ready = std::future::ready(5);
    println!("{:?}", poll_once(&mut ready));
}
