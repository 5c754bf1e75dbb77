//! family: control
//! what: a fn declared `-> impl Iterator<Item = u32>` yielding `&str`
fn items() -> impl Iterator<Item = u32> {
    vec!["a"].into_iter()
}

fn main() {
    println!("{}", items().count());
}
