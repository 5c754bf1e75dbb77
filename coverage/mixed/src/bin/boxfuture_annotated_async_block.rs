//! family: distinct-future-types
//! what: an async block assigned to a `BoxFuture<'static, u8>` without boxing it
use futures::future::BoxFuture;

#[tokio::main]
async fn main() {
    let f: BoxFuture<'static, u8> = async { 1 };
    println!("{}", f.await);
}
