//! family: control
//! what: a `&Cell` shared with a scoped thread (Cell is not Sync)
use std::cell::Cell;

fn main() {
    let c = Cell::new(1);
    let r = &c;
    std::thread::scope(|s| {
        s.spawn(move || r.set(2));
    });
}
