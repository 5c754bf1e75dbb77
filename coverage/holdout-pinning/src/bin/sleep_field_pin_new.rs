//! family: future-not-unpin
//! what: a hand-written `Deadline` future holding tokio's `Sleep` by value and polling it with `Pin::new(&mut self.sleep)`
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

struct Deadline {
    sleep: tokio::time::Sleep,
    label: &'static str,
}

impl Future for Deadline {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match Pin::new(&mut self.sleep).poll(cx) {
            Poll::Ready(()) => Poll::Ready(self.label),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main]
async fn main() {
    let d = Deadline { sleep: tokio::time::sleep(Duration::from_millis(5)), label: "done" };
    println!("{}", d.await);
}
