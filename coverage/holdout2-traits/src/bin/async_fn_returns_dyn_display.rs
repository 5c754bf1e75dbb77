//! family: other-async
//! what: an async method declared `-> dyn Display` to return either of two renderers' outputs
//! learned from: rust-lang/rust tests/ui/async-await/async-fn/dyn-in-return-type.stderr
use std::fmt::Display;

struct Report {
    rows: usize,
}

impl Report {
    async fn render(&self) -> dyn Display {
        if self.rows == 0 { "empty".to_string() } else { self.rows }
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Report { rows: 2 }.render().await);
}
