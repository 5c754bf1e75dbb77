//! family: other-async
//! what: `?` inside a spawned `async move` block whose output is `()`
async fn read_config(path: &str) -> std::io::Result<String> {
    tokio::fs::read_to_string(path).await
}

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async move {
        let text = read_config("app.toml").await?;
        println!("{} bytes", text.len());
    });
    task.await.unwrap();
}
