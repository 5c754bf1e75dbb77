//! family: closure-future-borrows
//! what: a tide-like middleware closure `|req, next: Next<'_>| async move { next.run(req).await }` registered where the returned future must be `'static`
//! learned from: http-rs/tide#556
use std::future::Future;
use std::pin::Pin;

struct Request(String);
struct Response(u16);

struct Next<'a> {
    endpoint: &'a dyn Fn(Request) -> Response,
}

impl Next<'_> {
    async fn run(self, req: Request) -> Response {
        (self.endpoint)(req)
    }
}

type Middleware = Box<dyn for<'a> Fn(Request, Next<'a>) -> Pin<Box<dyn Future<Output = Response>>>>;

struct App {
    middleware: Vec<Middleware>,
}

impl App {
    fn with<F, Fut>(&mut self, f: F)
    where
        F: for<'a> Fn(Request, Next<'a>) -> Fut + 'static,
        Fut: Future<Output = Response> + 'static,
    {
        self.middleware.push(Box::new(move |req, next| Box::pin(f(req, next))));
    }
}

fn main() {
    let mut app = App { middleware: Vec::new() };
    app.with(|req: Request, next: Next<'_>| async move {
        println!("-> {}", req.0);
        next.run(req).await
    });
    println!("{}", app.middleware.len());
    let _ = Response(200).0;
}
