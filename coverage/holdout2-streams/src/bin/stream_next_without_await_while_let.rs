//! family: future-as-value
//! what: `while let Some(msg) = incoming.next()` on a futures stream of chat messages, without `.await` on `next()`
use futures::stream::{self, StreamExt};

async fn relay(messages: Vec<String>) -> usize {
    let mut incoming = stream::iter(messages);
    let mut relayed = 0;
    while let Some(msg) = incoming.next() {
        println!("relay {msg}");
        relayed += 1;
    }
    relayed
}

#[tokio::main]
async fn main() {
    println!("{}", relay(vec!["hi".into(), "bye".into()]).await);
}
