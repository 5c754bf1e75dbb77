//! family: control
//! what: passing a &str where a u64 is expected
fn report(count: u64) {
    println!("{count}");
}

fn main() {
    report("12");
}
