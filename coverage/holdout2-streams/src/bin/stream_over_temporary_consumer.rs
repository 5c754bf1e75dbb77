//! family: future-not-static
//! what: a method returning `impl Stream<Item = String>` built from `self.consumer().stream()`, where `stream()` borrows the temporary consumer
//! learned from: SeaQL/sea-streamer#27
use futures::stream::{self, Stream, StreamExt};

struct Consumer {
    buffered: Vec<String>,
}

impl Consumer {
    fn stream(&self) -> impl Stream<Item = &String> + '_ {
        stream::iter(self.buffered.iter())
    }
}

struct Streamer {
    topic: String,
}

impl Streamer {
    fn consumer(&self) -> Consumer {
        Consumer { buffered: vec![format!("{}:1", self.topic)] }
    }

    fn messages(&self) -> impl Stream<Item = String> + '_ {
        self.consumer().stream().map(|m| m.to_uppercase())
    }
}

#[tokio::main]
async fn main() {
    let streamer = Streamer { topic: "orders".into() };
    let mut messages = Box::pin(streamer.messages());
    while let Some(m) = messages.next().await {
        println!("{m}");
    }
}
