//! family: control
//! what: `?` inside a `for_each` closure whose return type is `()`
fn main() -> Result<(), std::num::ParseIntError> {
    let inputs = vec!["1", "x"];
    inputs.iter().for_each(|s| {
        let n: u32 = s.parse()?;
        println!("{n}");
    });
    Ok(())
}
