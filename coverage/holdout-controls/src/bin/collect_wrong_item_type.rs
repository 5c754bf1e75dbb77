//! family: control
//! what: collecting an iterator of integers into a `Vec<String>`
fn main() {
    let labels: Vec<String> = (1..4).map(|i| i * 10).collect();
    println!("{labels:?}");
}
