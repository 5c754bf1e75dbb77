//! family: other-async
//! what: a hand-written `Countdown` future whose `poll` returns the bare output value (`return self.total;`) instead of `Poll::Ready(..)`
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

struct Countdown {
    left: u32,
    total: u32,
}

impl Future for Countdown {
    type Output = u32;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u32> {
        if self.left == 0 {
            return self.total;
        }
        self.left -= 1;
        self.total += 1;
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Countdown { left: 3, total: 0 }.await);
}
