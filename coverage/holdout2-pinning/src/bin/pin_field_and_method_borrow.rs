//! family: other-async
//! what: a hand-written future taking `Pin::new(&mut self.sleep)` and then calling `self.elapsed_ms()` before polling it (two borrows through the `Pin<&mut Self>`)
//! learned from: rust-lang/rust#97273
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::time::Sleep;

struct Heartbeat {
    sleep: Pin<Box<Sleep>>,
    started: Instant,
}

impl Heartbeat {
    fn elapsed_ms(&self) -> u128 {
        self.started.elapsed().as_millis()
    }
}

impl Future for Heartbeat {
    type Output = u128;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<u128> {
        let sleep = Pin::new(&mut self.sleep);
        println!("polled after {} ms", self.elapsed_ms());
        match sleep.poll(cx) {
            Poll::Ready(()) => Poll::Ready(self.elapsed_ms()),
            Poll::Pending => Poll::Pending,
        }
    }
}

#[tokio::main]
async fn main() {
    let beat = Heartbeat { sleep: Box::pin(tokio::time::sleep(Duration::from_millis(5))), started: Instant::now() };
    println!("{}", beat.await);
}
