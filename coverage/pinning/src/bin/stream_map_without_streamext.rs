//! family: stream-and-ext-traits
//! what: `.map(..)` on a futures stream without importing StreamExt
#[tokio::main]
async fn main() {
    let s = futures::stream::iter(vec![1, 2, 3]);
    let doubled = s.map(|x| x * 2);
    drop(doubled);
}
