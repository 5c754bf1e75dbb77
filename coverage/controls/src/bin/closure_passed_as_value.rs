//! family: control
//! what: passing a closure where its result (u32) is expected
fn report(n: u32) {
    println!("{n}");
}

fn main() {
    report(|| 3);
}
