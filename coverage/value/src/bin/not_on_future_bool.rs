//! family: future-as-value
//! what: `!` applied to an async fn's future inside an `if`
async fn is_ready() -> bool {
    true
}

#[tokio::main]
async fn main() {
    if !is_ready() {
        println!("waiting");
    }
}
