//! family: future-as-value
//! what: a generic `with_timing<O, F: AsyncFn() -> O>` helper whose tail is `f()` without `.await`
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/wrong-suggestion-result.stderr
use std::time::Instant;

async fn with_timing<O, F: AsyncFn() -> O>(label: &str, f: F) -> O {
    let start = Instant::now();
    println!("{label} started at {start:?}");
    f()
}

async fn load_profile() -> String {
    "profile".to_string()
}

#[tokio::main]
async fn main() {
    let profile = with_timing("profile", async || load_profile().await).await;
    println!("{profile}");
}
