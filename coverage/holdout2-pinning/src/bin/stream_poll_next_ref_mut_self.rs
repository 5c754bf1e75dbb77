//! family: other-async
//! what: a hand-written `Stream` for a ticker implementing `poll_next(&mut self, ..)` instead of `self: Pin<&mut Self>`
use futures::stream::{Stream, StreamExt};
use std::pin::Pin;
use std::task::{Context, Poll};

struct Ticker {
    left: u32,
}

impl Stream for Ticker {
    type Item = u32;

    fn poll_next(&mut self, _cx: &mut Context<'_>) -> Poll<Option<u32>> {
        if self.left == 0 {
            return Poll::Ready(None);
        }
        self.left -= 1;
        Poll::Ready(Some(self.left))
    }
}

#[tokio::main]
async fn main() {
    let mut ticks = Ticker { left: 3 };
    while let Some(t) = ticks.next().await {
        println!("{t}");
    }
    let _: Option<Pin<&mut Ticker>> = None;
}
