//! family: control
//! what: an `impl Trait for Request` header omitting the struct's lifetime parameter
struct Request<'a> {
    path: &'a str,
}

trait Route {
    fn len(&self) -> usize;
}

impl Route for Request {
    fn len(&self) -> usize {
        self.path.len()
    }
}

fn main() {
    println!("{}", Request { path: "/" }.len());
}
