//! family: control
//! what: a closure returning a reference derived from its argument, wrongly annotated
fn main() {
    let f = |s: &String| -> &str { s.as_str() };
    println!("{}", f(&String::from("a")));
}
