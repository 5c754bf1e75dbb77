//! family: future-not-send
//! what: an `Arc<dyn Notifier>` (trait object without `Send + Sync`) moved into a spawned task that awaits between notifications
use std::sync::Arc;
use std::time::Duration;

trait Notifier {
    fn notify(&self, message: &str);
}

struct Stdout;

impl Notifier for Stdout {
    fn notify(&self, message: &str) {
        println!("{message}");
    }
}

fn start_heartbeat(notifier: Arc<dyn Notifier>) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        for beat in 0..3 {
            notifier.notify(&format!("beat {beat}"));
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
}

#[tokio::main]
async fn main() {
    start_heartbeat(Arc::new(Stdout)).await.unwrap();
}
