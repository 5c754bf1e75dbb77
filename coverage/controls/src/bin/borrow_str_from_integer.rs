//! family: control
//! what: borrowing an integer where a &str is expected
fn shout(s: &str) -> String {
    s.to_uppercase()
}

fn main() {
    let n = 5;
    println!("{}", shout(&n));
}
