//! family: control
//! what: a trait method returning `Self` without `where Self: Sized`, used as `dyn`
trait Shape {
    fn copy(&self) -> Self;
}

fn main() {
    let s: Vec<Box<dyn Shape>> = Vec::new();
    println!("{}", s.len());
}
