//! An async function that sleeps the thread: the blocking-call lint reports it.

use std::time::Duration;

pub async fn pause() {
    std::thread::sleep(Duration::from_millis(1));
}
