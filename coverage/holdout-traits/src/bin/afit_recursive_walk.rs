//! family: async-recursion
//! what: an implementation of a trait's native `async fn size(&self)` that recurses into children
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/async-recursive.stderr
trait DiskUsage {
    async fn size(&self) -> u64;
}

struct Dir {
    files: Vec<u64>,
    children: Vec<Dir>,
}

impl DiskUsage for Dir {
    async fn size(&self) -> u64 {
        let mut total: u64 = self.files.iter().sum();
        for child in &self.children {
            total += child.size().await;
        }
        total
    }
}

#[tokio::main]
async fn main() {
    let root = Dir { files: vec![1, 2], children: vec![Dir { files: vec![3], children: vec![] }] };
    println!("{}", root.size().await);
}
