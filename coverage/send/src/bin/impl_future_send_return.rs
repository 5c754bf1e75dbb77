//! family: future-not-send
//! what: a fn promising `impl std::future::Future<Output = ()> + Send` whose async block holds a guard across an await
//! learned from: rust-lang/rust#115437
use std::sync::Mutex;

static LOCK: Mutex<u32> = Mutex::new(0);

fn job() -> impl std::future::Future<Output = ()> + Send {
    async {
        let mut g = LOCK.lock().unwrap();
        *g += 1;
        tokio::task::yield_now().await;
    }
}

#[tokio::main]
async fn main() {
    job().await;
}
