//! family: future-not-static
//! what: futures collected in a loop for `join_all`, each borrowing a String built inside that loop iteration
async fn fetch(url: &str) -> usize {
    url.len()
}

#[tokio::main]
async fn main() {
    let mut pending = Vec::new();
    for id in 1..=3 {
        let url = format!("https://example.test/items/{id}");
        pending.push(fetch(&url));
    }
    let sizes = futures::future::join_all(pending).await;
    println!("{sizes:?}");
}
