//! family: control
//! what: `impl Trait` as the type of a `let` binding
fn main() {
    let it: impl Iterator<Item = u8> = vec![1u8].into_iter();
    println!("{}", it.count());
}
