//! family: control
//! what: a `HashMap` of route handlers filled with two different plain fns
use std::collections::HashMap;

fn index() -> String {
    "index".into()
}

fn about() -> String {
    "about".into()
}

fn main() {
    let mut routes = HashMap::new();
    routes.insert("/", index);
    routes.insert("/about", about);
    println!("{}", routes.len());
}
