//! family: control
//! what: std::thread::spawn capturing a `&str` parameter
fn start(host: &str) {
    std::thread::spawn(move || println!("{host}"));
}

fn main() {
    start("db");
}
