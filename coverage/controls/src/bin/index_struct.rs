//! family: control
//! what: indexing a struct with no Index impl
struct Row {
    cells: Vec<u8>,
}

fn main() {
    let r = Row { cells: vec![1] };
    println!("{}", r[0]);
}
