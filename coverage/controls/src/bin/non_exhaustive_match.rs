//! family: control
//! what: a `match` on an enum missing a variant
enum Mode {
    Fast,
    Slow,
}

fn main() {
    let m = Mode::Fast;
    match m {
        Mode::Fast => println!("fast"),
    }
}
