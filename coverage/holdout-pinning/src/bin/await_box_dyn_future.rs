//! family: future-not-unpin
//! what: awaiting a `Box<dyn Future<Output = String>>` chosen at runtime (boxed with Box::new, not pinned)
use std::future::Future;

async fn from_cache() -> String {
    "cached".into()
}

async fn from_network() -> String {
    "fresh".into()
}

fn pick(offline: bool) -> Box<dyn Future<Output = String>> {
    if offline { Box::new(from_cache()) } else { Box::new(from_network()) }
}

#[tokio::main]
async fn main() {
    let body = pick(true).await;
    println!("{body}");
}
