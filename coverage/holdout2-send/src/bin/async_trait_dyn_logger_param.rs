//! family: future-not-send
//! what: an `#[async_trait]` method taking `&dyn AuditLog` (a trait object without `Sync`) and awaiting while it is borrowed
//! learned from: 0xMiden/rust-sdk#868
use async_trait::async_trait;

trait AuditLog {
    fn record(&self, line: &str);
}

struct Stdout;
impl AuditLog for Stdout {
    fn record(&self, line: &str) {
        println!("{line}");
    }
}

#[async_trait]
trait Repository {
    async fn delete(&self, id: u64, log: &dyn AuditLog) -> bool;
}

struct Users;

#[async_trait]
impl Repository for Users {
    async fn delete(&self, id: u64, log: &dyn AuditLog) -> bool {
        tokio::task::yield_now().await;
        log.record(&format!("deleted {id}"));
        true
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Users.delete(7, &Stdout).await);
}
