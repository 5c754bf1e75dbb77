//! family: closure-future-borrows
//! what: a route closure `move || async move { page }` stored in a variable, then registered where `Fn() -> Fut` is required (the async block moves the captured page out)
//! learned from: seanmonstar/warp#480
use std::future::Future;

fn route<F, Fut>(path: &str, handler: F) -> String
where
    F: Fn() -> Fut,
    Fut: Future<Output = String>,
{
    let _ = handler();
    path.to_owned()
}

#[tokio::main]
async fn main() {
    let page = String::from("<h1>voyager</h1>");
    let handler = move || async move { page };
    println!("{}", route("/voyager", handler));
}
