//! family: runtime-setup
//! what: tokio::sync::Mutex with tokio's `sync` feature off
#[tokio::main]
async fn main() {
    let m = tokio::sync::Mutex::new(0);
    *m.lock().await += 1;
}
