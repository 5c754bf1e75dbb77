//! family: control
//! what: `assert_eq!` on a struct without PartialEq and Debug
struct Celsius(i32);

fn main() {
    assert_eq!(Celsius(1), Celsius(1));
}
