//! family: future-as-value
//! what: an async block bound to a `u32` variable
#[tokio::main]
async fn main() {
    let answer: u32 = async { 40 + 2 };
    println!("{answer}");
}
