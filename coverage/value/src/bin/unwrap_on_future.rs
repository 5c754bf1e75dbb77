//! family: future-as-value
//! what: `.unwrap()` on an async fn's future returning Result
async fn open(path: &str) -> std::io::Result<tokio::fs::File> {
    tokio::fs::File::open(path).await
}

#[tokio::main]
async fn main() {
    let file = open("x.txt").unwrap();
    drop(file);
}
