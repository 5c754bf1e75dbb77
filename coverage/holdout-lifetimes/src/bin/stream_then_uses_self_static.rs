//! family: future-not-static
//! what: a method promising `impl Stream<Item = u32> + 'static` whose `then` closure's async block uses `self`
use futures::{Stream, StreamExt, stream};

struct Scorer {
    bonus: u32,
}

impl Scorer {
    fn scores(&self, raw: Vec<u32>) -> impl Stream<Item = u32> + 'static {
        stream::iter(raw).then(move |x| async move { x + self.bonus })
    }
}

#[tokio::main]
async fn main() {
    let scorer = Scorer { bonus: 10 };
    let all: Vec<u32> = scorer.scores(vec![1, 2]).collect().await;
    println!("{all:?}");
}
