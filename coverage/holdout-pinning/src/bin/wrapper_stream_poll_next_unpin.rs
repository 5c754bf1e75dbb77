//! family: future-not-unpin
//! what: a hand-written `Stream` wrapper generic over `S: Stream` forwarding `poll_next` through `poll_next_unpin` (no `Unpin` bound), used to wrap a `then` stream
use futures::stream::{self, Stream, StreamExt};
use std::pin::Pin;
use std::task::{Context, Poll};

struct Doubled<S> {
    inner: S,
}

impl<S: Stream<Item = u32>> Stream for Doubled<S> {
    type Item = u32;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<u32>> {
        self.inner.poll_next_unpin(cx).map(|o| o.map(|x| x * 2))
    }
}

#[tokio::main]
async fn main() {
    let source = stream::iter(vec![1u32, 2, 3]).then(|x| async move { x + 1 });
    let doubled = Doubled { inner: source };
    let all: Vec<u32> = doubled.collect().await;
    println!("{all:?}");
}
