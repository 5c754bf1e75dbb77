//! family: control
//! what: an impl method whose return type differs from the trait
trait Count {
    fn count(&self) -> u32;
}

struct Words;

impl Count for Words {
    fn count(&self) -> String {
        String::new()
    }
}

fn main() {}
