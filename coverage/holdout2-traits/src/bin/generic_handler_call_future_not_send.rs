//! family: future-not-send
//! what: a generic `serve<S: Service>` spawning one task per request that awaits `svc.call(req)`, with no `Send` bound on the associated `S::Future`
use std::future::Future;

trait Service {
    type Future: Future<Output = String>;
    fn call(&self, req: String) -> Self::Future;
}

fn serve<S>(svc: S, requests: Vec<String>)
where
    S: Service + Clone + Send + 'static,
{
    for req in requests {
        let svc = svc.clone();
        tokio::spawn(async move {
            let resp = svc.call(req).await;
            println!("{resp}");
        });
    }
}

#[derive(Clone)]
struct Hello;

impl Service for Hello {
    type Future = std::future::Ready<String>;
    fn call(&self, req: String) -> Self::Future {
        std::future::ready(format!("hello {req}"))
    }
}

#[tokio::main]
async fn main() {
    serve(Hello, vec!["a".into()]);
}
