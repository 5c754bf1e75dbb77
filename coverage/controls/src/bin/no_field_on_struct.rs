//! family: control
//! what: reading a field the struct does not have
struct User {
    name: String,
}

fn main() {
    let u = User { name: "a".into() };
    println!("{}", u.email);
}
