//! family: control
//! what: calling a method the struct does not have
struct Response {
    body: String,
}

fn main() {
    let r = Response { body: "b".into() };
    println!("{}", r.text());
}
