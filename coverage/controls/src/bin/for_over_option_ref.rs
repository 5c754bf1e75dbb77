//! family: control
//! what: a `for` loop over a struct that is not iterable
struct Bag {
    items: Vec<u8>,
}

fn main() {
    let b = Bag { items: vec![] };
    for i in b {
        println!("{i}");
    }
}
