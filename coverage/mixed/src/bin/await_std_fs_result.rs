//! family: other-async
//! what: `.await` on std::fs::read_to_string (blocking std API, returns a Result)
#[tokio::main]
async fn main() {
    let text = std::fs::read_to_string("a.txt").await;
    println!("{text:?}");
}
