//! family: future-as-value
//! what: the result of calling an `async |x|` closure used as its output
#[tokio::main]
async fn main() {
    let inc = async |x: u32| x + 1;
    let y: u32 = inc(1);
    println!("{y}");
}
