//! family: future-as-value
//! what: assigning an async method's unawaited call to a field of `self` inside another async method
struct Cache {
    entries: usize,
}

impl Cache {
    async fn count_entries(&self) -> usize {
        self.entries + 1
    }

    async fn refresh(&mut self) {
        self.entries = self.count_entries();
    }
}

#[tokio::main]
async fn main() {
    let mut cache = Cache { entries: 0 };
    cache.refresh().await;
    println!("{}", cache.entries);
}
