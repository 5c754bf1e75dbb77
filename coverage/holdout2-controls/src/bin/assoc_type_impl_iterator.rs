//! family: control
//! what: an impl naming its associated iterator type `type Iter = impl Iterator<Item = u32>`
trait Source {
    type Iter: Iterator<Item = u32>;
    fn items(&self) -> Self::Iter;
}

struct Range10;

impl Source for Range10 {
    type Iter = impl Iterator<Item = u32>;
    fn items(&self) -> Self::Iter {
        (0..10).map(|x| x * 2)
    }
}

fn main() {
    println!("{}", Range10.items().count());
}
