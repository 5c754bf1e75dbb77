//! family: control
//! what: `.into()` from a struct to String with no From impl
struct Name(u8);

fn main() {
    let s: String = Name(1).into();
    println!("{s}");
}
