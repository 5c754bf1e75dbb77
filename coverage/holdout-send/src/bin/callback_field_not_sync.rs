//! family: future-not-send
//! what: a client struct with a `Box<dyn Fn>` filter field (no Send/Sync), borrowed by an async method inside a spawned task
//! learned from: kongbytes/arp-scan-rs#2
use std::time::Duration;

struct Scanner {
    filter: Box<dyn Fn(u8) -> Option<u8>>,
}

impl Scanner {
    async fn probe(&self, host: u8) -> Option<u8> {
        tokio::time::sleep(Duration::from_millis(1)).await;
        (self.filter)(host)
    }
}

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async move {
        let scanner = Scanner {
            filter: Box::new(|h| if h % 2 == 0 { Some(h) } else { None }),
        };
        scanner.probe(10).await
    });
    println!("{:?}", handle.await.unwrap());
}
