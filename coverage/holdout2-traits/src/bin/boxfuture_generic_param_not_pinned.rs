//! family: distinct-future-types
//! what: a job queue's `boxed<F>(fut: F) -> BoxFuture<'static, u32>` helper returning the generic future `fut` itself instead of `Box::pin(fut)`
//! learned from: rust-lang/rust tests/ui/suggestions/expected-boxed-future-isnt-pinned.stderr
use futures::future::BoxFuture;
use std::future::Future;

struct Queue {
    jobs: Vec<BoxFuture<'static, u32>>,
}

impl Queue {
    fn boxed<F>(fut: F) -> BoxFuture<'static, u32>
    where
        F: Future<Output = u32> + Send + 'static,
    {
        fut
    }

    fn push<F>(&mut self, fut: F)
    where
        F: Future<Output = u32> + Send + 'static,
    {
        self.jobs.push(Self::boxed(fut));
    }
}

#[tokio::main]
async fn main() {
    let mut queue = Queue { jobs: Vec::new() };
    queue.push(async { 1 });
    for job in queue.jobs {
        println!("{}", job.await);
    }
}
