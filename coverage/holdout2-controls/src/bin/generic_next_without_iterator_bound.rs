//! family: control
//! what: calling `.next()` on a generic parameter `I` that has no `Iterator` bound
fn first_two<I>(mut it: I) -> (Option<u32>, Option<u32>) {
    (it.next(), it.next())
}

fn main() {
    println!("{:?}", first_two(vec![1u32, 2].into_iter()));
}
