//! family: control
//! what: `Pin::new(&mut it)` on a generic iterator `I` without an `Unpin` bound
use std::pin::Pin;

fn first<I: Iterator<Item = u32>>(it: &mut I) -> Option<u32> {
    let mut pinned = Pin::new(it);
    pinned.as_mut().get_mut().next()
}

fn main() {
    println!("{:?}", first(&mut vec![1u32].into_iter()));
}
