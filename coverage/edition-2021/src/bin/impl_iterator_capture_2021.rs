//! family: control
//! what: on edition 2021, `-> impl Iterator` built from a `&Vec` parameter without `+ '_`
fn evens(v: &Vec<u32>) -> impl Iterator<Item = u32> {
    v.iter().copied().filter(|x| x % 2 == 0)
}

fn main() {
    println!("{}", evens(&vec![1, 2]).count());
}
