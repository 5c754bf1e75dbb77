//! family: control
//! what: std::thread::spawn in a `&self` method using self
struct Cache {
    entries: Vec<u32>,
}

impl Cache {
    fn start(&self) {
        std::thread::spawn(move || println!("{}", self.entries.len()));
    }
}

fn main() {
    Cache { entries: vec![] }.start();
}
