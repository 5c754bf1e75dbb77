//! family: future-as-value
//! what: formatting an async fn's future with `{}` in println!
async fn greeting() -> String {
    "hello".to_string()
}

#[tokio::main]
async fn main() {
    println!("{}", greeting());
}
