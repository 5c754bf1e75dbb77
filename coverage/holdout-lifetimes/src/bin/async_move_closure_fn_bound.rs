//! family: closure-future-borrows
//! what: an `async move ||` closure capturing a reference, passed where `F: Fn() -> T, T: Future` is required
//! learned from: rust-lang/rust#120957
use std::future::Future;

fn repeat_twice<T: Future<Output = ()>, F: Fn() -> T>(f: F) -> (T, T) {
    (f(), f())
}

#[tokio::main]
async fn main() {
    let greeting = String::from("hi");
    let reference = &greeting;
    let say = async move || {
        println!("{reference}");
    };
    let (a, b) = repeat_twice(say);
    a.await;
    b.await;
}
