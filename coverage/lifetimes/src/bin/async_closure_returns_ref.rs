//! family: closure-future-borrows
//! what: an `async move ||` closure whose future returns a reference to its captured String
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/not-lending.stderr
#[tokio::main]
async fn main() {
    let name = String::from("n");
    let get = async move || -> &String { &name };
    println!("{}", get().await);
}
