//! family: future-as-value
//! what: an async method's future passed to a generic logger bounded by `T: Display`
use std::fmt::Display;

fn log_value<T: Display>(label: &str, value: T) {
    println!("{label}: {value}");
}

struct Gauge {
    raw: f64,
}

impl Gauge {
    async fn read(&self) -> f64 {
        self.raw * 2.0
    }
}

#[tokio::main]
async fn main() {
    let gauge = Gauge { raw: 1.5 };
    log_value("pressure", gauge.read());
}
