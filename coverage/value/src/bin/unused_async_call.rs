//! family: future-as-value
//! what: an async fn called as a statement in an async fn and never awaited
//! counts: warnings
async fn save(n: u32) {
    println!("{n}");
}

#[tokio::main]
async fn main() {
    save(1);
}
