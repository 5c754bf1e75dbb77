//! family: async-trait-other
//! what: a trait with a native `async fn fetch(&self) -> u32`, implemented with a plain (non-async) `fn fetch`
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/fn-not-async-err.stderr
trait Source {
    async fn fetch(&self) -> u32;
}

struct Fixed(u32);

impl Source for Fixed {
    fn fetch(&self) -> u32 {
        self.0
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Fixed(3).fetch().await);
}
