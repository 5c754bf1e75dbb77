//! family: control
//! what: destructuring a fn's `Result<(A, B), E>` into a tuple pattern without `?`
fn split_pair(s: &str) -> Result<(String, String), String> {
    s.split_once('=').map(|(a, b)| (a.to_owned(), b.to_owned())).ok_or("no =".into())
}

fn parse(s: &str) -> Result<usize, String> {
    let (key, value) = split_pair(s);
    Ok(key.len() + value.len())
}

fn main() {
    println!("{:?}", parse("a=b"));
}
