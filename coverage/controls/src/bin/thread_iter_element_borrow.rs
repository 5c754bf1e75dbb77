//! family: control
//! what: std::thread::spawn in a loop over `&data`
fn main() {
    let data = vec![1u32, 2];
    for x in &data {
        std::thread::spawn(move || println!("{x}"));
    }
}
