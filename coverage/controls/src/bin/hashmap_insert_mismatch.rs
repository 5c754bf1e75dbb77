//! family: control
//! what: inserting a String value into a HashMap<String, u32>
use std::collections::HashMap;

fn main() {
    let mut scores: HashMap<String, u32> = HashMap::new();
    scores.insert("a".to_string(), "ten".to_string());
    println!("{}", scores.len());
}
