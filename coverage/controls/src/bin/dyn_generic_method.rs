//! family: control
//! what: a trait with a generic method used as `dyn`
trait Handler {
    fn handle<T: std::fmt::Debug>(&self, t: T);
}

fn main() {
    let h: Option<Box<dyn Handler>> = None;
    drop(h);
}
