//! family: distinct-future-types
//! what: a `for<'a> FnOnce(&'a mut Conn) -> BoxFuture<'a, ()>` helper given a closure returning a plain async block
use futures::future::BoxFuture;

struct Conn {
    queries: u32,
}

async fn with_conn<F>(f: F)
where
    F: for<'a> FnOnce(&'a mut Conn) -> BoxFuture<'a, ()>,
{
    let mut c = Conn { queries: 0 };
    f(&mut c).await;
    println!("{}", c.queries);
}

#[tokio::main]
async fn main() {
    with_conn(|c| async move {
        c.queries += 1;
    })
    .await;
}
