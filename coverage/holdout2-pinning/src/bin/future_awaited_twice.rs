//! family: other-async
//! what: a warm-up future stored in a variable, awaited once before serving and awaited again on reload
//! learned from: jamesmunns/cassette#6
async fn warm_cache(entries: usize) -> usize {
    entries * 2
}

#[tokio::main]
async fn main() {
    let warm = warm_cache(10);
    let first = warm.await;
    println!("warmed {first}");
    let reload = true;
    if reload {
        let again = warm.await;
        println!("reloaded {again}");
    }
}
