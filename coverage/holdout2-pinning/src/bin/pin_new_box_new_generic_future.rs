//! family: future-not-unpin
//! what: an executor's `spawn<F: Future>` erasing task futures with `Pin::new(Box::new(fut))` instead of `Box::pin(fut)`
//! learned from: rust-lang/rust tests/ui/suggestions/expected-boxed-future-isnt-pinned.stderr
use std::future::Future;
use std::pin::Pin;

struct Executor {
    tasks: Vec<Pin<Box<dyn Future<Output = ()> + Send>>>,
}

impl Executor {
    fn spawn<F>(&mut self, fut: F)
    where
        F: Future<Output = ()> + Send + 'static,
    {
        self.tasks.push(Pin::new(Box::new(fut)));
    }
}

#[tokio::main]
async fn main() {
    let mut executor = Executor { tasks: Vec::new() };
    executor.spawn(async { println!("task") });
    for task in executor.tasks {
        task.await;
    }
}
