//! family: control
//! what: a MutexGuard moved into std::thread::spawn
use std::sync::Mutex;

static COUNT: Mutex<u32> = Mutex::new(0);

fn main() {
    let guard = COUNT.lock().unwrap();
    std::thread::spawn(move || println!("{}", *guard)).join().unwrap();
}
