//! family: future-not-static
//! what: a home-made `detach` fn requiring `F: Future + 'static`, given a future that borrows a local
use std::future::Future;

fn detach<F: Future<Output = ()> + Send + 'static>(f: F) {
    tokio::spawn(f);
}

async fn print(s: &str) {
    println!("{s}");
}

#[tokio::main]
async fn main() {
    let msg = String::from("hi");
    detach(print(&msg));
}
