//! family: distinct-future-types
//! what: a job table typed `Vec<fn() -> Pin<Box<dyn Future<Output = ()>>>>` filled with async fns by name (their return type is an opaque future, not a boxed one)
use std::future::Future;
use std::pin::Pin;

type Job = fn() -> Pin<Box<dyn Future<Output = ()>>>;

async fn backup() {
    println!("backup");
}

async fn vacuum() {
    println!("vacuum");
}

#[tokio::main]
async fn main() {
    let jobs: Vec<Job> = vec![backup, vacuum];
    for job in jobs {
        job().await;
    }
}
