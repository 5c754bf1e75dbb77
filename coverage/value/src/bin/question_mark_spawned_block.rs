//! family: future-as-value
//! what: `?` on tokio::fs::read inside a spawned async block that returns io::Result
#[tokio::main]
async fn main() {
    let task = tokio::spawn(async move {
        let bytes = tokio::fs::read("data.bin")?;
        Ok::<usize, std::io::Error>(bytes.len())
    });
    let _ = task.await;
}
