//! family: future-as-value
//! what: a `match` whose first arm calls an async `notify(..);` as a statement and whose second arm returns `notify(..)` unawaited, in an async method
//! learned from: rust-lang/rust#81839
struct Alerts {
    sent: u32,
}

impl Alerts {
    async fn notify(&self, channel: &str) {
        println!("notify {channel} ({})", self.sent);
    }

    async fn escalate(&mut self, level: u8) {
        let _outcome = match level {
            0 => {
                self.notify("log");
            }
            _ => self.notify("pager"),
        };
        self.sent += 1;
    }
}

#[tokio::main]
async fn main() {
    let mut alerts = Alerts { sent: 0 };
    alerts.escalate(2).await;
}
