//! family: async-trait-other
//! counts: warnings
//! what: a public trait with a native `async fn load(&self) -> u32`, implemented with a hand-written `fn load(&self) -> Pin<Box<dyn Future<Output = u32> + '_>>`
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/async-example-desugared-boxed.stderr
#![allow(async_fn_in_trait)]
use std::future::Future;
use std::pin::Pin;

pub trait Loader {
    async fn load(&self) -> u32;
}

pub struct Disk {
    pub blocks: u32,
}

impl Loader for Disk {
    fn load(&self) -> Pin<Box<dyn Future<Output = u32> + '_>> {
        Box::pin(async move { self.blocks })
    }
}

#[tokio::main]
async fn main() {
    println!("{}", Disk { blocks: 8 }.load().await);
}
