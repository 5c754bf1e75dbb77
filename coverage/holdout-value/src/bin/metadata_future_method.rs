//! family: future-as-value
//! what: `.is_file()` called on the future of `tokio::fs::metadata(..)` inside `?`-less code
async fn is_regular(path: &str) -> bool {
    match tokio::fs::metadata(path).is_file() {
        true => true,
        false => false,
    }
}

#[tokio::main]
async fn main() {
    println!("{}", is_regular("Cargo.toml").await);
}
