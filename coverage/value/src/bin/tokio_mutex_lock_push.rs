//! family: future-as-value
//! what: calling Vec::push through tokio::sync::Mutex::lock() without awaiting the lock
use tokio::sync::Mutex;

#[tokio::main]
async fn main() {
    let queue = Mutex::new(Vec::new());
    queue.lock().push(1u32);
}
