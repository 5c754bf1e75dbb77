//! family: runtime-setup
//! what: `.await` in a 2015-edition crate, where it parses as a field named `await`
fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fut = std::future::ready(3);
    rt.block_on(std::future::ready(()));
    let v = fut.await;
    println!("{}", v);
}
