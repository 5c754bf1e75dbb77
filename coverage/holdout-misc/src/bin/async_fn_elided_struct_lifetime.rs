//! family: other-async
//! what: an `async fn` parameter of a struct type with a lifetime written without it (`req: Request` for `Request<'a>`)
//! learned from: rust-lang/rust tests/ui/async-await/async-fn-path-elision.stderr
struct Request<'a> {
    path: &'a str,
}

async fn route(req: Request) -> usize {
    req.path.len()
}

#[tokio::main]
async fn main() {
    println!("{}", route(Request { path: "/" }).await);
}
