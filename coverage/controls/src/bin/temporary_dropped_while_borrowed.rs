//! family: control
//! what: keeping a reference into a temporary String
fn main() {
    let s: &str = &String::from("temp");
    let t: &str;
    t = String::from("gone").as_str();
    println!("{s}{t}");
}
