//! family: control
//! what: a router's `mount<R: Responder>(path, fn() -> R)` given a handler returning a `User` struct that has no Responder impl
trait Responder {
    fn respond(self) -> (u16, String);
}

impl Responder for String {
    fn respond(self) -> (u16, String) {
        (200, self)
    }
}

struct User {
    name: String,
}

struct Router {
    paths: Vec<&'static str>,
}

impl Router {
    fn mount<R: Responder>(mut self, path: &'static str, handler: fn() -> R) -> Router {
        let (status, _) = handler().respond();
        println!("{path} answers {status}");
        self.paths.push(path);
        self
    }
}

fn profile() -> User {
    User { name: "ada".into() }
}

fn main() {
    let router = Router { paths: Vec::new() }.mount("/me", profile);
    println!("{} {}", router.paths.len(), profile().name);
}
