//! family: control
//! what: destructuring a pair from a u32
fn size() -> u32 {
    3
}

fn main() {
    let (w, h) = size();
    println!("{w} {h}");
}
