//! family: future-not-send
//! what: a MutexGuard temporary in a `match` scrutinee stays alive across an await in the arm
use std::sync::{Arc, Mutex};

async fn notify(_n: u32) {}

#[tokio::main]
async fn main() {
    let state = Arc::new(Mutex::new(Some(3u32)));
    tokio::spawn(async move {
        match *state.lock().unwrap() {
            Some(n) => notify(n).await,
            None => {}
        }
    });
}
