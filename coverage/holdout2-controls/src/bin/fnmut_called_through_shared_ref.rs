//! family: control
//! what: a helper taking `f: &F` with `F: FnMut()` and calling `f()` (it needs `&mut F`)
fn run_twice<F: FnMut()>(f: &F) {
    f();
    f();
}

fn main() {
    let mut count = 0;
    run_twice(&|| count += 1);
    println!("{count}");
}
