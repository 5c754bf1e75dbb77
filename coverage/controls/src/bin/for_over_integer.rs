//! family: control
//! what: a `for` loop over a plain integer
fn main() {
    let count = 3u32;
    for i in count {
        println!("{i}");
    }
}
