//! family: other-async
//! what: `tokio::join!` given a Vec of futures (join! takes separate futures; a collection needs join_all)
async fn ping(host: &str) -> usize {
    host.len()
}

#[tokio::main]
async fn main() {
    let hosts = ["a.test", "bb.test"];
    let pings: Vec<_> = hosts.iter().map(|h| ping(h)).collect();
    let (results,) = tokio::join!(pings);
    println!("{results:?}");
}
