//! family: control
//! what: `return Some(..)` inside a `for_each` closure meant to return from the enclosing fn
fn first_even(values: &[u32]) -> Option<u32> {
    values.iter().for_each(|v| {
        if v % 2 == 0 {
            return Some(*v);
        }
    });
    None
}

fn main() {
    println!("{:?}", first_even(&[1, 2]));
}
