//! family: future-not-send
//! what: a struct holding rand's ThreadRng kept across an await inside JoinSet::spawn
use rand::Rng;
use rand::rngs::ThreadRng;
use tokio::task::JoinSet;

struct Jitter {
    rng: ThreadRng,
}

#[tokio::main]
async fn main() {
    let mut set = JoinSet::new();
    set.spawn(async {
        let mut j = Jitter { rng: rand::rng() };
        let first: u8 = j.rng.random();
        tokio::task::yield_now().await;
        let second: u8 = j.rng.random();
        first as u16 + second as u16
    });
    set.join_all().await;
}
