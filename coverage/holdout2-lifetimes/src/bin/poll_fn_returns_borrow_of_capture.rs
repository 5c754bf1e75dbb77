//! family: closure-future-borrows
//! what: `futures::future::poll_fn(|cx| Pin::new(&mut reader).poll_fill_buf(cx))` to await a buffered reader's filled buffer (a reference into the captured reader)
//! learned from: rust-lang/futures-rs#2643
use futures::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};

struct BufReader {
    buf: Vec<u8>,
}

impl BufReader {
    fn poll_fill_buf(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<&[u8]> {
        Poll::Ready(&self.get_mut().buf)
    }
}

#[tokio::main]
async fn main() {
    let mut reader = BufReader { buf: b"header\n".to_vec() };
    let filled = poll_fn(|cx| Pin::new(&mut reader).poll_fill_buf(cx)).await;
    println!("{} bytes", filled.len());
}
