//! family: control
//! what: a `for` loop over `0..limit` where `limit` is an `Option<u32>`
fn main() {
    let limit: Option<u32> = Some(3);
    for i in 0..limit {
        println!("{i}");
    }
}
