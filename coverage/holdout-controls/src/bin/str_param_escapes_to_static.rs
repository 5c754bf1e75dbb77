//! family: control
//! what: a `&str` parameter stored into a `Vec<&'static str>` registry
fn register(names: &mut Vec<&'static str>, name: &str) {
    names.push(name);
}

fn main() {
    let mut names = Vec::new();
    register(&mut names, "a");
    println!("{names:?}");
}
