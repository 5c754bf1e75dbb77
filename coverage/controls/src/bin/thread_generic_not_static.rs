//! family: control
//! what: std::thread::spawn with a generic T lacking `static
fn watch<T: Send + std::fmt::Debug>(value: T) {
    std::thread::spawn(move || println!("{value:?}"));
}

fn main() {
    watch(1);
}
