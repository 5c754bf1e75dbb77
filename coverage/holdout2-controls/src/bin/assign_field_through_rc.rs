//! family: control
//! what: assigning a field of a config shared through `Rc<Config>` (`config.retries = 5`)
use std::rc::Rc;

struct Config {
    retries: u32,
}

fn main() {
    let config = Rc::new(Config { retries: 3 });
    let shared = Rc::clone(&config);
    shared.retries = 5;
    println!("{}", config.retries);
}
