//! family: control
//! what: a parsing closure using `?` and ending in `Ok(n)`, with nothing naming the closure's error type
fn main() {
    let parse = |s: &str| {
        let n = s.trim().parse::<u32>()?;
        Ok(n * 2)
    };
    println!("{:?}", parse("21").is_ok());
}
