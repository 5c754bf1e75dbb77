//! family: control
//! what: `Pin::new` on a struct holding PhantomPinned
use std::marker::PhantomPinned;
use std::pin::Pin;

struct Frame {
    _pin: PhantomPinned,
}

fn main() {
    let mut f = Frame { _pin: PhantomPinned };
    let _p = Pin::new(&mut f);
}
