//! family: closure-future-borrows
//! what: a helper `run(f)` requiring `Fut: Future + Send + 'static`, given `|| async { .. }` that borrows a local
use std::future::Future;

fn run<F, Fut>(f: F)
where
    F: FnOnce() -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(f());
}

#[tokio::main]
async fn main() {
    let state = vec![1, 2];
    run(|| async {
        println!("{}", state.len());
    });
}
