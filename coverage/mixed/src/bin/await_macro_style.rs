//! family: await-outside-async
//! what: the pre-2019 `await!(fut)` macro syntax
async fn get() -> u8 {
    1
}

#[tokio::main]
async fn main() {
    let v = await!(get());
    println!("{v}");
}
