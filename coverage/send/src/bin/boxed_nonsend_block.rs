//! family: future-not-send
//! what: FutureExt::boxed (which needs Send) on an async block that holds an Rc across an await
use futures::FutureExt;
use futures::future::BoxFuture;
use std::rc::Rc;

fn task() -> BoxFuture<'static, usize> {
    async {
        let names = Rc::new(vec!["a"]);
        tokio::task::yield_now().await;
        names.len()
    }
    .boxed()
}

#[tokio::main]
async fn main() {
    println!("{}", task().await);
}
