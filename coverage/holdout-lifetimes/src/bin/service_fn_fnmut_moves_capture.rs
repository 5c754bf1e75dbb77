//! family: closure-future-borrows
//! what: a hyper-like `service_fn` (FnMut) given `|req| async move { .. router .. }`: each call's future would move the captured Arc out of the closure
//! learned from: hyperium/hyper#3198
use std::future::Future;
use std::sync::Arc;

struct Router {
    routes: Vec<String>,
}

fn service_fn<F, Fut>(mut handler: F) -> usize
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = String>,
{
    let _ = handler(1);
    let _ = handler(2);
    2
}

#[tokio::main]
async fn main() {
    let router = Arc::new(Router { routes: vec!["/".into()] });
    let served = service_fn(|req| async move {
        format!("{req}: {} routes", router.routes.len())
    });
    println!("{served}");
}
