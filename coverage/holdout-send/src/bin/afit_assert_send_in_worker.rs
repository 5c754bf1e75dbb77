//! family: future-not-send
//! what: a generic worker method passing the future of a trait's native `async fn` to a helper that requires `Send`
//! learned from: rust-lang/rust#103854
use std::future::Future;

trait Repo {
    async fn load(&self, id: u32) -> String;
}

fn must_be_send<F: Future + Send>(fut: F) -> F {
    fut
}

struct Worker<R> {
    repo: R,
}

impl<R: Repo + Sync> Worker<R> {
    async fn process(&self, id: u32) -> usize {
        let record = must_be_send(self.repo.load(id)).await;
        record.len()
    }
}

struct MemRepo;

impl Repo for MemRepo {
    async fn load(&self, id: u32) -> String {
        format!("record {id}")
    }
}

#[tokio::main]
async fn main() {
    let worker = Worker { repo: MemRepo };
    println!("{}", worker.process(1).await);
}
