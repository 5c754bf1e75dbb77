//! family: control
//! what: a fn returning `&u8` passed by name where `F: Fn(&u8) -> T` requires one `T` for every lifetime
fn first(x: &u8) -> &u8 {
    x
}

fn apply<F, T>(f: F) -> usize
where
    F: Fn(&u8) -> T,
{
    let _ = f(&1);
    1
}

fn main() {
    println!("{}", apply(first));
}
