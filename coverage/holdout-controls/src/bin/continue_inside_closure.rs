//! family: control
//! what: `continue` inside a `for_each` closure, meant for the enclosing `for` loop
fn main() {
    for row in [vec![1, 2], vec![]] {
        row.iter().for_each(|x| {
            if *x == 0 {
                continue;
            }
            println!("{x}");
        });
    }
}
