//! family: future-not-static
//! what: a method `-> impl Future<Output = u32> + use<>` (promising to capture nothing) whose async block reads `self`
//! learned from: ramosbugs/oauth2-rs#179
use std::future::Future;

struct Meter {
    readings: Vec<u32>,
}

impl Meter {
    fn total(&self) -> impl Future<Output = u32> + use<> {
        async move { self.readings.iter().sum() }
    }
}

#[tokio::main]
async fn main() {
    let meter = Meter { readings: vec![1, 2, 3] };
    let total = tokio::spawn(meter.total());
    println!("{}", total.await.unwrap());
}
