//! family: future-not-send
//! what: a trait's default `async fn warm_up` body holding an Rc across an await, called for a concrete type inside tokio::spawn
use std::rc::Rc;

trait Warmable {
    fn name(&self) -> String;

    async fn warm_up(&self) -> usize {
        let label = Rc::new(self.name());
        tokio::task::yield_now().await;
        label.len()
    }
}

struct Pool;

impl Warmable for Pool {
    fn name(&self) -> String {
        "pool".into()
    }
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async { Pool.warm_up().await });
    println!("{}", task.await.unwrap());
}
