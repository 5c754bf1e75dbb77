//! family: control
//! what: `?` on an Option in a fn returning Result
fn first(v: &[u32]) -> Result<u32, String> {
    let x = v.first()?;
    Ok(*x)
}

fn main() {
    println!("{:?}", first(&[1]));
}
