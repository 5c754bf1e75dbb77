//! family: control
//! what: `unwrap_or` with a value of another type
fn main() {
    let id = Some(3u32);
    let v = id.map(|i| i.to_string()).unwrap_or(0);
    println!("{v}");
}
