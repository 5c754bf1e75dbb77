//! family: future-not-static
//! what: JoinSet::spawn inside `for x in &data`, each task capturing the borrowed element
use tokio::task::JoinSet;

#[tokio::main]
async fn main() {
    let data = vec![1u32, 2, 3];
    let mut set = JoinSet::new();
    for x in &data {
        set.spawn(async move { *x * 2 });
    }
    while let Some(r) = set.join_next().await {
        println!("{:?}", r);
    }
}
