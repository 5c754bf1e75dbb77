//! family: await-outside-async
//! what: `tokio::select!` written inside a synchronous `on_message` callback of an event loop (the macro awaits, so it needs an async context)
use std::time::Duration;

struct EventLoop {
    handlers: Vec<Box<dyn Fn(String)>>,
}

async fn forward(msg: String) -> usize {
    msg.len()
}

fn main() {
    let mut events = EventLoop { handlers: Vec::new() };
    events.handlers.push(Box::new(|msg: String| {
        tokio::select! {
            n = forward(msg) => println!("forwarded {n}"),
            _ = tokio::time::sleep(Duration::from_secs(1)) => println!("timed out"),
        }
    }));
    for handler in &events.handlers {
        handler("hello".into());
    }
}
