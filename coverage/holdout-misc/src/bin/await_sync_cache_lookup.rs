//! family: other-async
//! what: `.await` on a plain (sync) method returning `bool` inside an `if` condition
//! learned from: rust-lang/rust#66731
use std::collections::HashSet;

struct Seen {
    keys: HashSet<String>,
}

impl Seen {
    fn contains(&self, key: &str) -> bool {
        self.keys.contains(key)
    }
}

async fn should_fetch(seen: &Seen, key: &str) -> bool {
    if seen.contains(key).await {
        return false;
    }
    true
}

#[tokio::main]
async fn main() {
    let seen = Seen { keys: HashSet::new() };
    println!("{}", should_fetch(&seen, "a").await);
}
