//! family: future-as-value
//! what: a `for` loop over the future of an async fn returning a Vec
async fn rows() -> Vec<u32> {
    vec![1, 2]
}

#[tokio::main]
async fn main() {
    for row in rows() {
        println!("{row}");
    }
}
