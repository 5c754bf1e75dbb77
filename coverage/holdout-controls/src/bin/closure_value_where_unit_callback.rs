//! family: control
//! what: a closure returning an integer given to an `on_click(impl Fn() + 'static)` callback that must return `()`
struct Button {
    handlers: Vec<Box<dyn Fn()>>,
}

impl Button {
    fn on_click(&mut self, f: impl Fn() + 'static) {
        self.handlers.push(Box::new(f));
    }
}

fn main() {
    let mut button = Button { handlers: Vec::new() };
    button.on_click(|| 42);
    println!("{}", button.handlers.len());
}
