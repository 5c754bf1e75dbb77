//! family: control
//! what: `if`/`else` with two different closures
fn main() {
    let fast = true;
    let k = 3;
    let f = if fast { |x: u32| x + k } else { |x: u32| x * k };
    println!("{}", f(1));
}
