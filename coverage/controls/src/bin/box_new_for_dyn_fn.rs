//! family: control
//! what: `Box::new` of an integer where `Box<dyn Fn()>` is expected
fn main() {
    let f: Box<dyn Fn()> = Box::new(5);
    f();
}
