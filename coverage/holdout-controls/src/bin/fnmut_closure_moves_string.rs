//! family: control
//! what: a closure passed to an `FnMut` parameter that moves a captured String out
fn call_twice<F: FnMut() -> String>(mut f: F) -> String {
    f();
    f()
}

fn main() {
    let greeting = String::from("hi");
    println!("{}", call_twice(move || greeting));
}
