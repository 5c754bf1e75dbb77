//! family: future-as-value
//! what: `sem.acquire().forget()` to take a connection slot for good, without awaiting `acquire()` (and its Result)
use tokio::sync::Semaphore;

struct Pool {
    slots: Semaphore,
}

impl Pool {
    async fn reserve_forever(&self) {
        self.slots.acquire().forget();
        println!("{} left", self.slots.available_permits());
    }
}

#[tokio::main]
async fn main() {
    let pool = Pool { slots: Semaphore::new(4) };
    pool.reserve_forever().await;
}
