//! family: future-as-value
//! what: `while let Some(res) = set.join_next()` on a tokio JoinSet, without awaiting `join_next()`
use tokio::task::JoinSet;

async fn crawl(url: String) -> usize {
    url.len()
}

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    for url in ["a.example", "b.example"] {
        set.spawn(crawl(url.to_string()));
    }
    let mut total = 0;
    while let Some(res) = set.join_next() {
        total += res.unwrap();
    }
    println!("{total}");
}
