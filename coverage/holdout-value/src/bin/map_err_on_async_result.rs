//! family: future-as-value
//! what: `.map_err(..)?` chained directly on an async fn returning Result (no TryFutureExt in scope)
#[derive(Debug)]
struct AppError(String);

async fn fetch_body(url: &str) -> Result<String, std::io::Error> {
    Ok(format!("body of {url}"))
}

async fn handler() -> Result<usize, AppError> {
    let body = fetch_body("/").map_err(|e| AppError(e.to_string()))?;
    Ok(body.len())
}

#[tokio::main]
async fn main() {
    println!("{:?}", handler().await);
}
