//! family: control
//! what: calling `clone` on a generic without a Clone bound
fn dup<T>(x: &T) -> (T, T) {
    (x.clone(), x.clone())
}

fn main() {
    println!("{:?}", dup(&1));
}
