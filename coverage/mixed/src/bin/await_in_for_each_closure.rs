//! family: await-outside-async
//! what: `.await` inside a `for_each` closure in an async fn
async fn save(n: u32) {
    println!("{n}");
}

#[tokio::main]
async fn main() {
    (0..3).for_each(|n| {
        save(n).await;
    });
}
