//! family: await-outside-async
//! what: `.await` inside a std::thread::spawn closure
async fn ping() -> u8 {
    1
}

#[tokio::main]
async fn main() {
    let t = std::thread::spawn(|| {
        let v = ping().await;
        v
    });
    println!("{}", t.join().unwrap());
}
