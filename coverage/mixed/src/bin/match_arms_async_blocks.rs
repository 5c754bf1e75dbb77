//! family: distinct-future-types
//! what: `match` arms each producing an async block, the result awaited later
#[tokio::main]
async fn main() {
    let mode = 2;
    let job = match mode {
        1 => async { "one" },
        _ => async { "other" },
    };
    println!("{}", job.await);
}
