//! family: future-not-static
//! what: a future created inside an inner block borrows a String local to that block and is awaited after the block ends
async fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

#[tokio::main]
async fn main() {
    let pending = {
        let text = String::from("one two three");
        word_count(&text)
    };
    println!("{}", pending.await);
}
