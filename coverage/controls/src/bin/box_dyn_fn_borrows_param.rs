//! family: control
//! what: a `Box<dyn Fn()>` (implicitly static) capturing a `&str` parameter
fn announcer(name: &str) -> Box<dyn Fn()> {
    Box::new(move || println!("{name}"))
}

fn main() {
    announcer("x")();
}
