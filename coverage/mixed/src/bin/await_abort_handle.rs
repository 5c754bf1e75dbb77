//! family: other-async
//! what: awaiting the AbortHandle that JoinSet::spawn returns
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    let v = set.spawn(async { 3 }).await;
    println!("{v:?}");
}
