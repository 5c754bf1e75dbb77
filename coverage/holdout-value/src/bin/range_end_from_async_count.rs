//! family: future-as-value
//! what: a `for` loop over `0..page_count()` where page_count is an async fn that was not awaited
async fn page_count() -> u32 {
    3
}

async fn fetch_page(n: u32) -> String {
    format!("page {n}")
}

#[tokio::main]
async fn main() {
    for page in 0..page_count() {
        println!("{}", fetch_page(page).await);
    }
}
