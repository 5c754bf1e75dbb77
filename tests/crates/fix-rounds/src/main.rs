//! `first` has a type error that hides a use of a moved value (rustc checks borrows only in
//! bodies without type errors); `second`'s type error is reported as following from `first`'s.
fn first() -> usize {
    let n: u32 = "1"; // fix-test: first
    let name = String::from("n");
    let moved = name;
    name.len() + moved.len() + n as usize
}

fn second() -> u32 {
    let m: u32 = "2"; // fix-test: second
    m
}

fn main() {
    println!("{} {}", first(), second());
}
