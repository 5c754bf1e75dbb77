//! family: future-not-send
//! what: a spawned task whose output is an Rc (the output must be Send too)
use std::rc::Rc;

#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async { Rc::new(String::from("done")) });
    println!("{}", handle.await.unwrap());
}
