//! family: control
//! what: binding a String to a u32 variable
fn name() -> String {
    "n".into()
}

fn main() {
    let n: u32 = name();
    println!("{n}");
}
