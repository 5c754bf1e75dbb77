//! family: future-not-static
//! what: JoinSet::spawn in a `&mut self` method with a block that uses `self`
use tokio::task::JoinSet;

struct Crawler {
    seen: Vec<String>,
    tasks: JoinSet<usize>,
}

impl Crawler {
    fn queue(&mut self) {
        let seen = &self.seen;
        self.tasks.spawn(async move { seen.len() });
    }
}

#[tokio::main]
async fn main() {
    let mut c = Crawler { seen: Vec::new(), tasks: JoinSet::new() };
    c.queue();
}
