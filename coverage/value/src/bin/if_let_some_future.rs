//! family: future-as-value
//! what: `if let Some(..)` on an async fn returning Option, not awaited
async fn lookup(key: &str) -> Option<usize> {
    Some(key.len())
}

#[tokio::main]
async fn main() {
    if let Some(len) = lookup("k") {
        println!("{len}");
    }
}
