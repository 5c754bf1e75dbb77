//! family: other-async
//! what: an async fn stored in a `fn(u32) -> u32` pointer
async fn square(x: u32) -> u32 {
    x * x
}

fn main() {
    let f: fn(u32) -> u32 = square;
    println!("{}", f(3));
}
