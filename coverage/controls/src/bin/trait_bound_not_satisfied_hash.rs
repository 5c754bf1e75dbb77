//! family: control
//! what: a HashSet of a struct without Hash/Eq
use std::collections::HashSet;

struct Key(u8);

fn main() {
    let mut s = HashSet::new();
    s.insert(Key(1));
}
