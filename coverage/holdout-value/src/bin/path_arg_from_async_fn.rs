//! family: future-as-value
//! what: `std::fs::read_to_string(config_path())` where config_path is an async fn (an `AsRef<Path>` bound on the future)
async fn config_path() -> String {
    "app.toml".to_string()
}

async fn load() -> std::io::Result<String> {
    std::fs::read_to_string(config_path())
}

#[tokio::main]
async fn main() {
    println!("{:?}", load().await.map(|s| s.len()));
}
