//! family: control
//! what: calling `write_all` on a File without importing std::io::Write
fn main() -> std::io::Result<()> {
    let mut f = std::fs::File::create("out.txt")?;
    f.write_all(b"x")?;
    Ok(())
}
