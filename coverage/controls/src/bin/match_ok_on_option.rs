//! family: control
//! what: matching Ok/Err patterns against an Option
fn lookup() -> Option<u32> {
    Some(1)
}

fn main() {
    match lookup() {
        Ok(v) => println!("{v}"),
        Err(e) => println!("{e:?}"),
    }
}
