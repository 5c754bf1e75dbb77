//! family: control
//! what: an impl declaring `type Iter = std::vec::IntoIter<u32>` whose method returns a mapped iterator
trait Source {
    type Iter: Iterator<Item = u32>;
    fn items(&self) -> Self::Iter;
}

struct Scores {
    raw: Vec<u32>,
}

impl Source for Scores {
    type Iter = std::vec::IntoIter<u32>;
    fn items(&self) -> Self::Iter {
        self.raw.clone().into_iter().map(|x| x + 1)
    }
}

fn main() {
    println!("{}", Scores { raw: vec![1] }.items().count());
}
