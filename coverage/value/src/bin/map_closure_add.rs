//! family: future-as-value
//! what: `+ 1` on an async fn's future inside a sync closure passed to map (no await hint)
async fn double(x: u32) -> u32 {
    x * 2
}

#[tokio::main]
async fn main() {
    let v: Vec<u32> = vec![1, 2].into_iter().map(|x| double(x) + 1).collect();
    println!("{v:?}");
}
