//! family: future-not-unpin
//! what: a subscription API returning `Box<dyn Stream<Item = String> + Send>` (Box, not Pin<Box>) whose caller drains it with `next().await`
use futures::stream::{self, Stream, StreamExt};

fn subscribe(topic: &str) -> Box<dyn Stream<Item = String> + Send> {
    let topic = topic.to_string();
    Box::new(stream::iter(0..3).then(move |i| {
        let topic = topic.clone();
        async move { format!("{topic}#{i}") }
    }))
}

#[tokio::main]
async fn main() {
    let mut events = subscribe("orders");
    while let Some(event) = events.next().await {
        println!("{event}");
    }
}
