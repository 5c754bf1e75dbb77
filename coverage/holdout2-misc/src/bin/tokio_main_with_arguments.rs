//! family: runtime-setup
//! what: `#[tokio::main] async fn main(args: Vec<String>)` taking the command-line arguments as a parameter
//! learned from: frondeus/test-case#36
async fn run(args: &[String]) -> usize {
    args.len()
}

#[tokio::main]
async fn main(args: Vec<String>) {
    println!("{}", run(&args).await);
}
