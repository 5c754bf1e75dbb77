//! family: control
//! what: a Vec of two different closures
fn main() {
    let k = 2u8;
    let ops = vec![move |x: u8| x + k, move |x: u8| x * k];
    println!("{}", ops.len());
}
