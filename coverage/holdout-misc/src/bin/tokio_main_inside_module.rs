//! family: runtime-setup
//! what: the `#[tokio::main] async fn main` written inside a module, leaving the crate without a root `main`
mod app {
    #[tokio::main]
    pub async fn main() {
        println!("serving");
    }
}
