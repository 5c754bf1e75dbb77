//! family: control
//! what: a `main` taking arguments
fn main(args: Vec<String>) {
    println!("{}", args.len());
}
