//! family: future-as-value
//! what: indexing `[0]` into the future of an async fn returning a Vec
async fn list_names() -> Vec<String> {
    vec!["a".to_string()]
}

#[tokio::main]
async fn main() {
    let first = &list_names()[0];
    println!("{first}");
}
