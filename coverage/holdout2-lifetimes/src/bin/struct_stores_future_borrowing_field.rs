//! family: future-not-static
//! what: a `Job` struct built with its payload and a boxed future that borrows that payload (`Box::pin(checksum(&payload))`), moving the payload into the struct
use std::future::Future;
use std::pin::Pin;

async fn checksum(data: &[u8]) -> u32 {
    data.iter().map(|b| *b as u32).sum()
}

struct Job<'a> {
    payload: Vec<u8>,
    pending: Pin<Box<dyn Future<Output = u32> + 'a>>,
}

fn make_job<'a>(payload: Vec<u8>) -> Job<'a> {
    let pending = Box::pin(checksum(&payload));
    Job { payload, pending }
}

#[tokio::main]
async fn main() {
    let job = make_job(vec![1, 2, 3]);
    println!("{} {}", job.payload.len(), job.pending.await);
}
