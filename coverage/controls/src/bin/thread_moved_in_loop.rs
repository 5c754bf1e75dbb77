//! family: control
//! what: a String moved into threads inside a loop
fn main() {
    let prefix = String::from("w");
    for i in 0..2 {
        std::thread::spawn(move || println!("{prefix}{i}"));
    }
}
