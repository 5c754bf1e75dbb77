//! family: future-not-send
//! what: a gRPC-like server-streaming handler returning `Pin<Box<dyn Stream<Item = ..> + Send>>` built with `stream::unfold` over state that holds an `Rc`
use futures::stream::{self, Stream, StreamExt};
use std::pin::Pin;
use std::rc::Rc;

type ResponseStream = Pin<Box<dyn Stream<Item = Result<String, String>> + Send>>;

struct Feed {
    names: Rc<Vec<String>>,
}

fn list_features(feed: &Feed) -> ResponseStream {
    let names = Rc::clone(&feed.names);
    Box::pin(stream::unfold(0usize, move |i| {
        let names = Rc::clone(&names);
        async move {
            tokio::task::yield_now().await;
            names.get(i).map(|n| (Ok(n.clone()), i + 1))
        }
    }))
}

#[tokio::main]
async fn main() {
    let feed = Feed { names: Rc::new(vec!["a".into()]) };
    let mut features = list_features(&feed);
    while let Some(f) = features.next().await {
        println!("{f:?}");
    }
}
