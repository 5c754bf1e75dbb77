//! family: async-recursion
//! what: an async fn weighing a binary tree that recurses into both subtrees concurrently with `futures::future::join(weight(l), weight(r))`
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/async-recursive.stderr
use futures::future::join;

struct Node {
    weight: u64,
    left: Option<Box<Node>>,
    right: Option<Box<Node>>,
}

async fn weight(node: &Node) -> u64 {
    match (&node.left, &node.right) {
        (Some(l), Some(r)) => {
            let (a, b) = join(weight(l), weight(r)).await;
            node.weight + a + b
        }
        _ => node.weight,
    }
}

#[tokio::main]
async fn main() {
    let leaf = || Some(Box::new(Node { weight: 1, left: None, right: None }));
    let root = Node { weight: 2, left: leaf(), right: leaf() };
    println!("{}", weight(&root).await);
}
