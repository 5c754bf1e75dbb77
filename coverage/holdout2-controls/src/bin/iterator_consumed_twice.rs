//! family: control
//! what: a `Lines` iterator consumed by `count()` and then iterated again in a `for` loop
fn main() {
    let text = "a\nb\nc";
    let lines = text.lines();
    let n = lines.count();
    for line in lines {
        println!("{line} of {n}");
    }
}
