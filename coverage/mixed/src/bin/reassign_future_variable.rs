//! family: distinct-future-types
//! what: reassigning a future variable with a different async fn's future
async fn primary() -> String {
    "p".into()
}
async fn fallback() -> String {
    "f".into()
}

#[tokio::main]
async fn main() {
    let mut request = primary();
    if std::env::args().count() > 5 {
        request = fallback();
    }
    println!("{}", request.await);
}
