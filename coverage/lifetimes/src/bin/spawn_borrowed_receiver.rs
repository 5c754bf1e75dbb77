//! family: future-not-static
//! what: a `&mut Receiver` moved into tokio::spawn
#[tokio::main]
async fn main() {
    let (tx, mut rx) = tokio::sync::mpsc::channel::<u32>(8);
    let rx_ref = &mut rx;
    tokio::spawn(async move {
        while let Some(v) = rx_ref.recv().await {
            println!("{v}");
        }
    });
    tx.send(1).await.unwrap();
}
