//! family: future-as-value
//! what: `.0` on `futures::future::join(a, b)` instead of on its awaited tuple
async fn a() -> u8 {
    1
}
async fn b() -> u8 {
    2
}

#[tokio::main]
async fn main() {
    let first = futures::future::join(a(), b()).0;
    println!("{first}");
}
