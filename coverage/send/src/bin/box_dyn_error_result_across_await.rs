//! family: future-not-send
//! what: a `Result<_, Box<dyn Error>>` kept across an await in a spawned task
//! learned from: 64bit/async-openai#390
use std::error::Error;

fn parse(s: &str) -> Result<u32, Box<dyn Error>> {
    Ok(s.parse()?)
}

async fn flush() {}

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let parsed = parse("4");
        flush().await;
        println!("{:?}", parsed.is_ok());
    });
}
