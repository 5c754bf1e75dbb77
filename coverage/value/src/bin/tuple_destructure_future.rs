//! family: future-as-value
//! what: destructuring a tuple pattern from an unawaited async fn call
async fn bounds() -> (u32, u32) {
    (1, 9)
}

#[tokio::main]
async fn main() {
    let (lo, hi) = bounds();
    println!("{lo} {hi}");
}
