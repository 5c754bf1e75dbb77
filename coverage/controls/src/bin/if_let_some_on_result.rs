//! family: control
//! what: `if let Some(..)` on a Result
fn parse() -> Result<u32, String> {
    Ok(1)
}

fn main() {
    if let Some(v) = parse() {
        println!("{v}");
    }
}
