//! family: control
//! what: `std::fs::read_to_string` given an integer instead of a path
fn main() {
    let fd = 3;
    println!("{:?}", std::fs::read_to_string(fd));
}
