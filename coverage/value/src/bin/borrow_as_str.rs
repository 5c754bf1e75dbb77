//! family: future-as-value
//! what: borrowing an async fn's future where a `&str` is expected
async fn load_name() -> String {
    "x".to_string()
}

fn shout(s: &str) -> String {
    s.to_uppercase()
}

#[tokio::main]
async fn main() {
    println!("{}", shout(&load_name()));
}
