//! family: control
//! what: a closure pushing its `&` parameter into an outer Vec
fn main() {
    let mut seen: Vec<&u32> = Vec::new();
    let mut note = |x: &u32| seen.push(x);
    note(&1);
    println!("{}", seen.len());
}
