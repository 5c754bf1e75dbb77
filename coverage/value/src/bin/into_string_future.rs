//! family: future-as-value
//! what: `.into()` from an async fn's future to String
async fn name() -> &'static str {
    "n"
}

#[tokio::main]
async fn main() {
    let s: String = name().into();
    println!("{s}");
}
