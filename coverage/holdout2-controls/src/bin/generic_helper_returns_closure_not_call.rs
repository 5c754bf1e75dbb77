//! family: control
//! what: a generic `with_timing<O, F: Fn() -> O>` helper whose tail is `f` (the closure) instead of `f()`
use std::time::Instant;

fn with_timing<O, F: Fn() -> O>(label: &str, f: F) -> O {
    let start = Instant::now();
    println!("{label} started at {start:?}");
    f
}

fn main() {
    let n = with_timing("sum", || (1..10).sum::<u32>());
    println!("{n}");
}
