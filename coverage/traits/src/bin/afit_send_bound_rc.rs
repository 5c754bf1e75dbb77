//! family: future-not-send
//! what: a trait method declared `-> impl Future<Output = u32> + Send`, implemented as an `async fn` that holds an Rc across an await
use std::future::Future;
use std::rc::Rc;

trait Loader {
    fn load(&self) -> impl Future<Output = u32> + Send;
}

struct Disk;

impl Loader for Disk {
    async fn load(&self) -> u32 {
        let cache = Rc::new(1u32);
        tokio::task::yield_now().await;
        *cache
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Disk.load().await);
}
