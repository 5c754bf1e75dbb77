//! family: other-async
//! what: `return Some(..)` inside an async block meant to return from the enclosing fn (it returns from the block)
async fn probe(port: u16) -> bool {
    port % 2 == 0
}

async fn first_open(ports: Vec<u16>) -> Option<u16> {
    let scan = async {
        for p in ports {
            if probe(p).await {
                return Some(p);
            }
        }
    };
    scan.await;
    None
}

#[tokio::main]
async fn main() {
    println!("{:?}", first_open(vec![1, 2]).await);
}
