//! family: control
//! what: `==` between a struct without PartialEq and an integer
struct Version(u32);

fn main() {
    let v = Version(2);
    if v == 2 {
        println!("two");
    }
}
