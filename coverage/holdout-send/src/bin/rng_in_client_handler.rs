//! family: future-not-send
//! what: a dice-rolling helper struct wrapping rand's ThreadRng, built in a per-client handler and used across an await
//! learned from: tokio-rs/tokio#1913
use rand::Rng;
use rand::rngs::ThreadRng;
use std::time::Duration;

struct Dice {
    rng: ThreadRng,
}

impl Dice {
    fn new() -> Self {
        Dice { rng: rand::rng() }
    }

    fn roll(&mut self) -> u8 {
        self.rng.random_range(1..=6)
    }
}

async fn handle_client(id: u32) {
    let mut dice = Dice::new();
    for _ in 0..3 {
        let n = dice.roll();
        println!("client {id} rolled {n}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

#[tokio::main]
async fn main() {
    for id in 0..4 {
        tokio::spawn(handle_client(id));
    }
}
