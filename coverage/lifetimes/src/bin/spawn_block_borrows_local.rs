//! family: future-not-static
//! what: tokio::spawn of an async block (no `move`) that reads a local Vec
//! learned from: rust-lang/book#2250
#[tokio::main]
async fn main() {
    let names = vec!["a".to_string()];
    let h = tokio::spawn(async {
        println!("{}", names.len());
    });
    h.await.unwrap();
}
