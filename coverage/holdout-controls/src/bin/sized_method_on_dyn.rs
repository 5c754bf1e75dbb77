//! family: control
//! what: a trait method declared `where Self: Sized` called through a `&dyn Shape`
trait Shape {
    fn area(&self) -> f64;

    fn scaled(&self, k: f64) -> Self
    where
        Self: Sized;
}

struct Square(f64);

impl Shape for Square {
    fn area(&self) -> f64 {
        self.0 * self.0
    }

    fn scaled(&self, k: f64) -> Self {
        Square(self.0 * k)
    }
}

fn grow(s: &dyn Shape) -> f64 {
    s.scaled(2.0).area()
}

fn main() {
    println!("{}", grow(&Square(1.0)));
}
