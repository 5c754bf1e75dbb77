//! family: control
//! what: `break` inside a closure in a loop
fn main() {
    for i in 0..3 {
        let stop = || break;
        stop();
        println!("{i}");
    }
}
