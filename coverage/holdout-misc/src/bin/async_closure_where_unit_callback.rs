//! family: other-async
//! what: an `async ||` closure given to a GUI-style `on_click(impl Fn() + 'static)` callback that must return `()`
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/is-not-fn.stderr
struct Button {
    handlers: Vec<Box<dyn Fn()>>,
}

impl Button {
    fn on_click(&mut self, f: impl Fn() + 'static) {
        self.handlers.push(Box::new(f));
    }
}

async fn save() {}

fn main() {
    let mut button = Button { handlers: Vec::new() };
    button.on_click(async || save().await);
    println!("{}", button.handlers.len());
}
