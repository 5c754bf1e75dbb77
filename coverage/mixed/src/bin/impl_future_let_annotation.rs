//! family: other-async
//! what: `impl Future` written as the type of a `let` binding
use std::future::Future;

#[tokio::main]
async fn main() {
    let job: impl Future<Output = ()> = async {};
    job.await;
}
