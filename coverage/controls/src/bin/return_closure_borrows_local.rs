//! family: control
//! what: returning a closure that borrows a local Vec
fn counter() -> impl Fn() -> usize {
    let parts = vec![1, 2];
    || parts.len()
}

fn main() {
    println!("{}", counter()());
}
