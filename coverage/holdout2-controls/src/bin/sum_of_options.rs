//! family: control
//! what: summing an iterator of `&Option<u32>` readings into a `u32`
fn main() {
    let readings: Vec<Option<u32>> = vec![Some(3), None, Some(4)];
    let total: u32 = readings.iter().sum();
    println!("{total}");
}
