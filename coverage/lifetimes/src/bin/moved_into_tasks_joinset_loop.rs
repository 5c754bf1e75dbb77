//! family: future-not-static
//! what: a String moved into a JoinSet task inside a loop (moved on the first iteration)
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let prefix = String::from("worker");
    let mut set = JoinSet::new();
    for i in 0..3 {
        set.spawn(async move { format!("{prefix}-{i}") });
    }
    set.join_all().await;
}
