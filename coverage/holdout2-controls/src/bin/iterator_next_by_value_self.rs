//! family: control
//! what: an `Iterator` impl writing `fn next(self) -> Option<u32>` instead of `&mut self`
struct Countdown {
    left: u32,
}

impl Iterator for Countdown {
    type Item = u32;

    fn next(self) -> Option<u32> {
        if self.left == 0 { None } else { Some(self.left - 1) }
    }
}

fn main() {
    println!("{}", Countdown { left: 3 }.count());
}
