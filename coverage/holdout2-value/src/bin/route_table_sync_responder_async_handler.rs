//! family: future-as-value
//! what: a Rocket-0.4-like router whose `mount` takes `fn() -> R` with `R: Responder` (synchronous handlers), given an `async fn` handler
//! learned from: rwf2/Rocket#1515
trait Responder {
    fn respond(self) -> (u16, String);
}

impl Responder for String {
    fn respond(self) -> (u16, String) {
        (200, self)
    }
}

struct Router {
    routes: Vec<(&'static str, Box<dyn Fn() -> (u16, String)>)>,
}

impl Router {
    fn mount<R: Responder + 'static>(mut self, path: &'static str, handler: fn() -> R) -> Router {
        self.routes.push((path, Box::new(move || handler().respond())));
        self
    }
}

async fn index() -> String {
    "hello".to_string()
}

fn main() {
    let router = Router { routes: Vec::new() }.mount("/", index);
    println!("{} routes", router.routes.len());
}
