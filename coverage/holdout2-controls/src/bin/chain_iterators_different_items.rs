//! family: control
//! what: `ids.chain(names)` joining an iterator of `u32` with an iterator of `String`
fn main() {
    let ids = vec![1u32, 2].into_iter();
    let names = vec!["x".to_string()].into_iter();
    let all: Vec<u32> = ids.chain(names).collect();
    println!("{all:?}");
}
