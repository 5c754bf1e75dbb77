//! family: control
//! what: moving a String field out of a `&` reference
struct Job {
    name: String,
}

fn take(j: &Job) -> String {
    j.name
}

fn main() {
    println!("{}", take(&Job { name: "a".into() }));
}
