//! family: stream-and-ext-traits
//! what: a `for` loop over a futures::channel::mpsc::Receiver (a Stream, not an Iterator)
#[tokio::main]
async fn main() {
    let (mut tx, rx) = futures::channel::mpsc::channel::<u32>(4);
    tx.try_send(1).unwrap();
    drop(tx);
    for v in rx {
        println!("{v}");
    }
}
