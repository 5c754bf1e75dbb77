//! family: future-not-static
//! what: spawning a task that captures a `&'a Config` in a fn generic over `'a`
struct Config {
    retries: u32,
}

fn launch<'a>(cfg: &'a Config) {
    tokio::spawn(async move {
        println!("{}", cfg.retries);
    });
}

#[tokio::main]
async fn main() {
    launch(&Config { retries: 3 });
}
