//! family: future-as-value
//! what: a struct field initialised with an unawaited async fn call
struct Settings {
    port: u16,
}

async fn read_port() -> u16 {
    8080
}

#[tokio::main]
async fn main() {
    let s = Settings { port: read_port() };
    println!("{}", s.port);
}
