//! family: other-async
//! what: a plugin trait method returning `BoxFuture<'static, bool>` implemented with `async move { .. }.boxed()` whose block ends in a statement (its output is `()`)
//! learned from: rust-lang/rust tests/ui/suggestions/box-future-wrong-output.stderr
use futures::future::{BoxFuture, FutureExt};

trait HealthCheck {
    fn check(&self) -> BoxFuture<'static, bool>;
}

struct Database {
    url: String,
}

impl HealthCheck for Database {
    fn check(&self) -> BoxFuture<'static, bool> {
        let url = self.url.clone();
        async move {
            tokio::task::yield_now().await;
            println!("checked {url}");
        }
        .boxed()
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Database { url: "pg://".into() }.check().await);
}
