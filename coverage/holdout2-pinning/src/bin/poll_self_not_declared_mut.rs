//! family: other-async
//! what: a hand-written `Deadline` future polling its `Pin<Box<Sleep>>` field with `self.sleep.as_mut().poll(cx)` where the receiver is written `self: Pin<&mut Self>` (not `mut self`)
//! learned from: smol-rs/futures-lite#28
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::time::Sleep;

struct Deadline {
    sleep: Pin<Box<Sleep>>,
    label: &'static str,
}

impl Future for Deadline {
    type Output = &'static str;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.sleep.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(self.label),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main]
async fn main() {
    let deadline = Deadline { sleep: Box::pin(tokio::time::sleep(Duration::from_millis(5))), label: "expired" };
    println!("{}", deadline.await);
}
