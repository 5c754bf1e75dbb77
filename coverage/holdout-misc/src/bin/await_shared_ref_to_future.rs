//! family: other-async
//! what: a future kept behind a shared reference (`let pending = &load_user(..)`) and then awaited
//! learned from: rust-lang/rust tests/ui/async-await/await-ref-future.stderr
async fn load_user(id: u32) -> String {
    format!("user-{id}")
}

#[tokio::main]
async fn main() {
    let pending = &load_user(7);
    let user = pending.await;
    println!("{user}");
}
