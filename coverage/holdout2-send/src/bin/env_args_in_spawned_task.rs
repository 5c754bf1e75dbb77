//! family: future-not-send
//! what: `std::env::args()` (an `Args` iterator, not Send) kept in a spawned task and read after an await
//! learned from: sancane/rustun#29
#[tokio::main]
async fn main() {
    let loader = tokio::spawn(async {
        let mut args = std::env::args().skip(1);
        let first = args.next();
        tokio::time::sleep(std::time::Duration::from_millis(1)).await;
        let rest: Vec<String> = args.collect();
        (first, rest)
    });
    println!("{:?}", loader.await.unwrap());
}
