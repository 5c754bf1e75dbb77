//! family: control
//! what: a struct with an `Rc` field moved into `std::thread::spawn`
use std::rc::Rc;

struct Job {
    name: Rc<String>,
}

fn main() {
    let job = Job { name: Rc::new("index".into()) };
    let t = std::thread::spawn(move || println!("{}", job.name));
    t.join().unwrap();
}
