//! family: control
//! what: `ids.push(..)` on a `Vec` parameter that is not declared `mut`
fn with_default(ids: Vec<u32>) -> Vec<u32> {
    ids.push(0);
    ids
}

fn main() {
    println!("{:?}", with_default(vec![1]));
}
