//! family: control
//! what: a closure mutating its capture passed where `Fn` is required
fn call_twice<F: Fn()>(f: F) {
    f();
    f();
}

fn main() {
    let mut n = 0;
    call_twice(|| n += 1);
}
