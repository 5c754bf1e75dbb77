//! family: control
//! what: an FnOnce closure (moves its capture out) passed where `Fn` is required
fn run<F: Fn() -> String>(f: F) -> String {
    f()
}

fn main() {
    let s = String::from("x");
    println!("{}", run(move || s));
}
