//! family: control
//! what: a framework-like `Handler<T>` trait bound (written here) unmet by a plain fn with the wrong return type
trait Handler<T> {}

impl<F, A> Handler<(A,)> for F where F: Fn(A) -> String {}
impl<F, A, B> Handler<(A, B)> for F where F: Fn(A, B) -> String {}

fn route<H: Handler<T>, T>(_h: H) {}

fn double(x: u8) -> u8 {
    x * 2
}

fn main() {
    route(double);
}
