//! family: future-not-static
//! what: tokio::spawn(self.refresh()) from a `&self` method, the future borrowing self
struct Cache {
    entries: Vec<u32>,
}

impl Cache {
    async fn refresh(&self) -> usize {
        self.entries.len()
    }

    fn start(&self) {
        tokio::spawn(self.refresh());
    }
}

#[tokio::main]
async fn main() {
    Cache { entries: vec![] }.start();
}
