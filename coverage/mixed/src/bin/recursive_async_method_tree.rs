//! family: async-recursion
//! what: a recursive async method walking a tree
struct Node {
    value: u32,
    children: Vec<Node>,
}

impl Node {
    async fn sum(&self) -> u32 {
        let mut total = self.value;
        for c in &self.children {
            total += c.sum().await;
        }
        total
    }
}

#[tokio::main]
async fn main() {
    let n = Node { value: 1, children: vec![] };
    println!("{}", n.sum().await);
}
