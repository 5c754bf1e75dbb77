//! family: control
//! what: a closure capturing an Rc passed where `F: Fn() + Send` is required
use std::rc::Rc;

fn run_on_pool<F: Fn() + Send + 'static>(f: F) {
    f();
}

fn main() {
    let name = Rc::new(String::from("job"));
    run_on_pool(move || println!("{name}"));
}
