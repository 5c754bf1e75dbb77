//! family: control
//! what: `Ok(..)` wrapping a String where Result<u32, _> is returned
fn run() -> Result<u32, String> {
    Ok(String::from("1"))
}

fn main() {
    println!("{:?}", run());
}
