//! family: control
//! what: std::thread::spawn with a closure borrowing a local
fn main() {
    let names = vec!["a"];
    let t = std::thread::spawn(|| println!("{}", names.len()));
    t.join().unwrap();
}
