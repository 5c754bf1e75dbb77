//! family: async-recursion
//! what: a crawler async fn that calls `tokio::spawn(crawl(..))` on itself for each link
async fn crawl(url: String, depth: u32) {
    if depth == 0 {
        return;
    }
    let links = vec![format!("{url}/a"), format!("{url}/b")];
    for link in links {
        tokio::spawn(crawl(link, depth - 1));
    }
}

#[tokio::main]
async fn main() {
    crawl("https://example.test".into(), 2).await;
}
