//! family: future-not-static
//! what: a spawned async block incrementing a local counter by reference
#[tokio::main]
async fn main() {
    let mut count = 0;
    tokio::spawn(async {
        count += 1;
    });
}
