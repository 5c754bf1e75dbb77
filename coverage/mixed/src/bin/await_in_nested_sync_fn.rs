//! family: await-outside-async
//! what: `.await` in a helper fn nested inside an async fn (the helper itself is sync)
#[tokio::main]
async fn main() {
    fn load() -> String {
        tokio::fs::read_to_string("a.txt").await.unwrap_or_default()
    }
    println!("{}", load());
}
