//! family: future-not-send
//! what: a `futures::executor::LocalSpawner` (single-threaded, Rc/Weak inside) moved into a tokio task that spawns follow-up work on it
//! learned from: rust-lang/futures-rs#1290
use futures::executor::LocalPool;
use futures::task::LocalSpawnExt;

async fn refresh_cache() {
    println!("cache refreshed");
}

#[tokio::main]
async fn main() {
    let mut pool = LocalPool::new();
    let spawner = pool.spawner();
    let scheduler = tokio::spawn(async move {
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        spawner.spawn_local(refresh_cache()).unwrap();
    });
    scheduler.await.unwrap();
    pool.run();
}
