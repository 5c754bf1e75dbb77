//! family: control
//! what: passing a fn item where a u8 is expected
fn worker() -> u8 {
    1
}

fn show(v: u8) {
    println!("{v}");
}

fn main() {
    show(worker);
}
