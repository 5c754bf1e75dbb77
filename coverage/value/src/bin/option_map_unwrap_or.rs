//! family: future-as-value
//! what: `Option::map` to an async fn, then `unwrap_or` with a plain value
async fn load(id: u32) -> u32 {
    id
}

#[tokio::main]
async fn main() {
    let id = Some(3);
    let v = id.map(|i| load(i)).unwrap_or(0);
    println!("{v}");
}
