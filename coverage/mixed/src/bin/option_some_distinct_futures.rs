//! family: distinct-future-types
//! what: `Some(a())` and `Some(b())` in the two branches of an `if`
async fn a() {}
async fn b() {}

#[tokio::main]
async fn main() {
    let flag = std::env::args().count() > 1;
    let next = if flag { Some(a()) } else { Some(b()) };
    if let Some(f) = next {
        f.await;
    }
}
