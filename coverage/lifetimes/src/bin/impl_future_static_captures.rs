//! family: future-not-static
//! what: `impl Future + 'static` returned from a fn whose async block captures a `&str` argument
use std::future::Future;

fn job(name: &str) -> impl Future<Output = usize> + 'static {
    async move { name.len() }
}

#[tokio::main]
async fn main() {
    println!("{}", job("a").await);
}
