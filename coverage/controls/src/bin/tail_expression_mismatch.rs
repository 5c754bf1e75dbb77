//! family: control
//! what: a fn returning u32 whose tail is a String
fn total() -> u32 {
    String::from("7")
}

fn main() {
    println!("{}", total());
}
