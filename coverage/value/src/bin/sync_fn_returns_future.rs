//! family: future-as-value
//! what: a plain fn whose tail calls an async fn and returns its future as a u32
async fn compute() -> u32 {
    7
}

fn total() -> u32 {
    compute()
}

fn main() {
    println!("{}", total());
}
