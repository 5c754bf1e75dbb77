//! family: future-as-value
//! what: an async fn's future used as a `while` condition
async fn has_more() -> bool {
    false
}

#[tokio::main]
async fn main() {
    while has_more() {
        println!("more");
    }
}
