//! family: closure-future-borrows
//! what: a closure `|req| handle(req)` whose async fn future borrows the `&Request` argument
use std::future::Future;

struct Request {
    path: String,
}

async fn handle(req: &Request) -> usize {
    req.path.len()
}

async fn serve<F, Fut>(f: F)
where
    F: Fn(&Request) -> Fut,
    Fut: Future<Output = usize>,
{
    let req = Request { path: "/".into() };
    println!("{}", f(&req).await);
}

#[tokio::main]
async fn main() {
    serve(|req| handle(req)).await;
}
