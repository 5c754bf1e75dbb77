//! family: future-not-static
//! what: an `async move` block capturing a `&str` parameter passed to tokio::spawn
fn start(host: &str) {
    tokio::spawn(async move {
        println!("connecting to {host}");
    });
}

#[tokio::main]
async fn main() {
    start("db");
}
