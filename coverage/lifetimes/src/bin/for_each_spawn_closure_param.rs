//! family: closure-future-borrows
//! what: a `for_each` closure spawning a non-move async block that uses the closure's parameter
async fn fetch(id: u32) -> u32 {
    id
}

#[tokio::main]
async fn main() {
    (0..3u32).for_each(|id| {
        tokio::spawn(async {
            fetch(id).await;
        });
    });
}
