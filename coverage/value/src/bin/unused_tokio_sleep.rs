//! family: future-as-value
//! what: tokio::time::sleep called in a loop without `.await`
//! counts: warnings
use std::time::Duration;

#[tokio::main]
async fn main() {
    for i in 0..3 {
        println!("{i}");
        tokio::time::sleep(Duration::from_millis(10));
    }
}
