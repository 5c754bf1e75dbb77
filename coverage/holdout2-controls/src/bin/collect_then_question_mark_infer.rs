//! family: control
//! what: `line.split(',').map(str::parse).collect()?` without naming what to collect into
fn parse_ids(line: &str) -> Result<usize, std::num::ParseIntError> {
    let ids = line.split(',').map(str::parse::<u32>).collect()?;
    Ok(ids.len())
}

fn main() {
    println!("{:?}", parse_ids("1,2,3"));
}
