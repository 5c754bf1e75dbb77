//! family: control
//! what: a generic `T: Unpin` bound given a struct holding PhantomPinned
use std::marker::PhantomPinned;

struct Node {
    _pin: PhantomPinned,
}

fn movable<T: Unpin>(_t: T) {}

fn main() {
    movable(Node { _pin: PhantomPinned });
}
