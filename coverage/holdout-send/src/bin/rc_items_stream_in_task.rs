//! family: future-not-send
//! what: a stream of `Rc<String>` items drained with `next().await` inside a spawned task
use futures::StreamExt;
use std::rc::Rc;

#[tokio::main]
async fn main() {
    let task = tokio::spawn(async {
        let names: Vec<Rc<String>> = vec![Rc::new("a".into()), Rc::new("b".into())];
        let mut items = futures::stream::iter(names);
        let mut total = 0;
        while let Some(name) = items.next().await {
            total += name.len();
        }
        total
    });
    println!("{}", task.await.unwrap());
}
