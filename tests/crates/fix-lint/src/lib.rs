//! An async function that sleeps the thread: the blocking-call lint reports it, and the test
//! knowledge base's edit awaits instead, which leaves both imports unused.

use std::thread;
use std::time::Duration;

async fn yield_once() {}

pub async fn pause() {
    thread::sleep(Duration::from_millis(1)); // fix-test: blocking
    yield_once().await;
}
