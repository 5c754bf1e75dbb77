//! family: future-as-value
//! what: an async method called as a statement in a sync method
//! counts: warnings
struct Cache;

impl Cache {
    async fn flush(&self) {}

    fn close(&self) {
        self.flush();
    }
}

fn main() {
    Cache.close();
}
