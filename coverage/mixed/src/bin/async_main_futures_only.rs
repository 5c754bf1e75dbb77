//! family: runtime-setup
//! what: `async fn main` with no runtime attribute in a program that uses futures' executor elsewhere
async fn work() -> u8 {
    1
}

async fn main() {
    println!("{}", futures::executor::block_on(work()));
}
