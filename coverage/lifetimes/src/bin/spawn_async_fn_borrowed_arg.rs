//! family: future-not-static
//! what: tokio::spawn(fetch(&url)) where fetch borrows a local String
async fn fetch(url: &str) -> usize {
    url.len()
}

#[tokio::main]
async fn main() {
    let url = String::from("http://x");
    let h = tokio::spawn(fetch(&url));
    println!("{:?}", h.await);
}
