//! family: other-async
//! what: tokio::spawn(worker) passing the async fn itself instead of calling it
async fn worker() {}

#[tokio::main]
async fn main() {
    tokio::spawn(worker).await.unwrap();
}
