//! family: closure-future-borrows
//! what: a boxed callback `Box<dyn Fn(&str) -> BoxFuture<'static, usize>>` whose future borrows its argument
use futures::FutureExt;
use futures::future::BoxFuture;

type Callback = Box<dyn Fn(&str) -> BoxFuture<'static, usize>>;

#[tokio::main]
async fn main() {
    let cb: Callback = Box::new(|s| async move { s.len() }.boxed());
    println!("{}", cb("abc").await);
}
