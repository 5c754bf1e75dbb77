//! family: distinct-future-types
//! what: an array of `async ||` closures (one per connection strategy) iterated in a `for` loop
//! learned from: rust-lang/rust#152930
async fn tcp() -> u32 {
    1
}

async fn unix() -> u32 {
    2
}

#[tokio::main]
async fn main() {
    for connect in [async || tcp().await, async || unix().await] {
        println!("{}", connect().await);
    }
}
