//! family: future-not-send
//! what: a `watch::Ref` from `borrow()` released with `drop(..)` before `changed().await`, inside a spawned config watcher (still counted as held)
//! learned from: rust-lang/rust#128095
use tokio::sync::watch;

#[derive(Debug, Clone)]
struct Config {
    replicas: Vec<String>,
}

#[tokio::main]
async fn main() {
    let (tx, rx) = watch::channel(Config { replicas: vec!["a".into()] });
    let mut updates = rx.clone();
    let watcher = tokio::spawn(async move {
        loop {
            let current = updates.borrow();
            let count = current.replicas.len();
            drop(current);
            println!("{count} replicas");
            if updates.changed().await.is_err() {
                break;
            }
        }
    });
    tx.send(Config { replicas: vec!["a".into(), "b".into()] }).unwrap();
    drop(tx);
    watcher.await.unwrap();
}
