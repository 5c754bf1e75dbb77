//! family: closure-future-borrows
//! what: an `async move |line: &str| -> &str` closure returning its own argument
//! learned from: rust-lang/rust#159256
async fn apply<F>(f: F) -> usize
where
    F: AsyncFn(&str) -> usize,
{
    f("hello world").await
}

#[tokio::main]
async fn main() {
    let first_word = async move |line: &str| -> &str { line.split(' ').next().unwrap_or(line) };
    let w = first_word("a b").await;
    println!("{w} {}", apply(async |s: &str| s.len()).await);
}
