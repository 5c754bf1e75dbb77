//! family: stream-and-ext-traits
//! what: `futures::stream::select(ticks.map(Event::Tick), commands)` merging an event stream with a stream of plain `String` commands that was not mapped into the enum
use futures::stream::{self, StreamExt};

enum Event {
    Tick(u64),
    Command(String),
}

#[tokio::main]
async fn main() {
    let ticks = stream::iter(0..3u64);
    let commands = stream::iter(vec!["stop".to_string()]);
    let mut events = stream::select(ticks.map(Event::Tick), commands);
    while let Some(event) = events.next().await {
        match event {
            Event::Tick(t) => println!("tick {t}"),
            Event::Command(c) => println!("command {c}"),
        }
    }
}
