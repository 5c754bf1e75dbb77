//! family: future-not-send
//! what: a Kafka-like consumer whose borrowed message wraps a raw pointer into the client's buffer, processed across awaits by workers started with tokio::spawn
//! learned from: fede1024/rust-rdkafka#189
use std::marker::PhantomData;
use std::sync::Arc;

struct Consumer {
    topic: String,
}

struct BorrowedMessage<'c> {
    payload: *const u8,
    len: usize,
    _consumer: PhantomData<&'c Consumer>,
}

impl Consumer {
    async fn recv(&self) -> BorrowedMessage<'_> {
        tokio::task::yield_now().await;
        BorrowedMessage { payload: self.topic.as_ptr(), len: self.topic.len(), _consumer: PhantomData }
    }
}

impl BorrowedMessage<'_> {
    fn payload_len(&self) -> usize {
        if self.payload.is_null() { 0 } else { self.len }
    }
}

async fn store(len: usize) {
    tokio::task::yield_now().await;
    println!("stored {len} bytes");
}

#[tokio::main]
async fn main() {
    let consumer = Arc::new(Consumer { topic: "orders".into() });
    let mut workers = Vec::new();
    for _ in 0..2 {
        let consumer = Arc::clone(&consumer);
        workers.push(tokio::spawn(async move {
            let message = consumer.recv().await;
            store(message.payload_len()).await;
            println!("done with {}", message.payload_len());
        }));
    }
    for worker in workers {
        worker.await.unwrap();
    }
}
