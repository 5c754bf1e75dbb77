//! family: control
//! what: pushing an integer into a Vec<String>
fn main() {
    let mut lines: Vec<String> = Vec::new();
    lines.push(3);
    println!("{}", lines.len());
}
