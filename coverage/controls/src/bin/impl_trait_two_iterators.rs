//! family: control
//! what: a fn returning `impl Iterator` from two different iterator types
fn pick(rev: bool) -> impl Iterator<Item = u8> {
    if rev {
        vec![1u8].into_iter().rev()
    } else {
        vec![1u8].into_iter()
    }
}

fn main() {
    println!("{}", pick(true).count());
}
