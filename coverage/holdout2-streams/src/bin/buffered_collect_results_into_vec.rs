//! family: stream-and-ext-traits
//! what: `stream::iter(ids).map(fetch).buffered(4).collect::<Vec<User>>().await` where `fetch` returns `Result<User, _>` (the stream yields Results; try_collect was meant)
//! learned from: rust-lang/futures-rs#1420
use futures::stream::{self, StreamExt};

#[derive(Debug)]
struct User {
    id: u32,
}

async fn fetch(id: u32) -> Result<User, String> {
    if id == 0 { Err("no id".into()) } else { Ok(User { id }) }
}

async fn load_all(ids: Vec<u32>) -> Vec<User> {
    stream::iter(ids).map(fetch).buffered(4).collect::<Vec<User>>().await
}

#[tokio::main]
async fn main() {
    let users = load_all(vec![1, 2]).await;
    println!("{}", users.iter().map(|u| u.id).sum::<u32>());
}
