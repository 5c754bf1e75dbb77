//! family: control
//! what: reading `.2` of a pair
fn main() {
    let pair = (1, 2);
    println!("{}", pair.2);
}
