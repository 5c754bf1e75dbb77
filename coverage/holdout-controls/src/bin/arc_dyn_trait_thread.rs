//! family: control
//! what: an `Arc<dyn Logger>` (no `Send + Sync` on the trait object) moved into a thread
use std::sync::Arc;

trait Logger {
    fn log(&self, line: &str);
}

struct Stdout;

impl Logger for Stdout {
    fn log(&self, line: &str) {
        println!("{line}");
    }
}

fn main() {
    let logger: Arc<dyn Logger> = Arc::new(Stdout);
    std::thread::spawn(move || logger.log("hi")).join().unwrap();
}
