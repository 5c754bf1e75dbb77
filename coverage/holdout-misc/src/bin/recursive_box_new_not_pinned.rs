//! family: async-recursion
//! what: a recursive async fn that boxes the recursive call with `Box::new` (not `Box::pin`) before awaiting it
async fn depth(n: u32) -> u32 {
    if n == 0 {
        return 0;
    }
    1 + Box::new(depth(n - 1)).await
}

#[tokio::main]
async fn main() {
    println!("{}", depth(3).await);
}
