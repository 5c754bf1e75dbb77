//! family: control
//! what: a method `-> impl Iterator<Item = u32> + use<>` (promising to capture nothing) that iterates `self.items`
struct Meter {
    items: Vec<u32>,
}

impl Meter {
    fn readings(&self) -> impl Iterator<Item = u32> + use<> {
        self.items.iter().copied()
    }
}

fn main() {
    let meter = Meter { items: vec![1, 2] };
    println!("{}", meter.readings().sum::<u32>());
}
