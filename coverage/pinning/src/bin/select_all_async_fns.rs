//! family: future-not-unpin
//! what: futures::future::select_all on a Vec of async fn futures
async fn probe(n: u64) -> u64 {
    n
}

#[tokio::main]
async fn main() {
    let probes = vec![probe(1), probe(2)];
    let (first, _, _) = futures::future::select_all(probes).await;
    println!("{first}");
}
