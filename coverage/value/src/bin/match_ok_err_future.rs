//! family: future-as-value
//! what: matching `Ok`/`Err` patterns against an unawaited async fn returning Result
async fn connect(addr: &str) -> Result<u32, String> {
    addr.parse::<u32>().map_err(|e| e.to_string())
}

#[tokio::main]
async fn main() {
    match connect("1") {
        Ok(id) => println!("{id}"),
        Err(e) => println!("{e}"),
    }
}
