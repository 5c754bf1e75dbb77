//! family: future-as-value
//! what: struct update syntax `..load_defaults()` where load_defaults is an async fn
#[derive(Debug)]
struct Config {
    port: u16,
    host: String,
    workers: usize,
}

async fn load_defaults() -> Config {
    Config { port: 80, host: "localhost".into(), workers: 4 }
}

async fn config_for(port: u16) -> Config {
    Config { port, ..load_defaults() }
}

#[tokio::main]
async fn main() {
    println!("{:?}", config_for(8080).await);
}
