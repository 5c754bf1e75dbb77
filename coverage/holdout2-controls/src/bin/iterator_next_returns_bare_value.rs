//! family: control
//! what: an `Iterator::next` implementation returning the bare `u32` (`return self.total;`) instead of `Some(..)`
struct Counter {
    left: u32,
    total: u32,
}

impl Iterator for Counter {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.left == 0 {
            return self.total;
        }
        self.left -= 1;
        self.total += 1;
        None
    }
}

fn main() {
    println!("{:?}", Counter { left: 3, total: 0 }.next());
}
