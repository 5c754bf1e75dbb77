//! family: control
//! what: `?` on a plain integer
fn parse() -> Result<u32, String> {
    let n = 5u32?;
    Ok(n)
}

fn main() {
    println!("{:?}", parse());
}
