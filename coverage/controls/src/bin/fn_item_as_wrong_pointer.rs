//! family: control
//! what: a fn stored in a pointer type with the wrong return type
fn square(x: u32) -> u64 {
    (x * x) as u64
}

fn main() {
    let f: fn(u32) -> u32 = square;
    println!("{}", f(3));
}
