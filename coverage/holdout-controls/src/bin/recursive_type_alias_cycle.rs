//! family: control
//! what: a type alias defined in terms of itself
type Tree = Vec<(String, Tree)>;

fn main() {
    let t: Tree = Vec::new();
    println!("{}", t.len());
}
