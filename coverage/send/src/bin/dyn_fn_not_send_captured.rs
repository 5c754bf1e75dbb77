//! family: future-not-send
//! what: a `Box<dyn Fn(u32) -> u32>` (no Send) moved into a spawned task
#[tokio::main]
async fn main() {
    let f: Box<dyn Fn(u32) -> u32> = Box::new(|x| x + 1);
    tokio::spawn(async move {
        println!("{}", f(1));
    });
}
