//! family: future-as-value
//! what: inserting an async fn's future into a HashMap<String, u32>
use std::collections::HashMap;

async fn score(name: &str) -> u32 {
    name.len() as u32
}

#[tokio::main]
async fn main() {
    let mut scores: HashMap<String, u32> = HashMap::new();
    scores.insert("ann".to_string(), score("ann"));
    println!("{}", scores.len());
}
