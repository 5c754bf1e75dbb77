//! family: future-not-send
//! what: a `Box<dyn Display>` trait object without `+ Send` held across an await
use std::fmt::Display;

async fn write_out(_s: String) {}

#[tokio::main]
async fn main() {
    tokio::spawn(async {
        let label: Box<dyn Display> = Box::new(3);
        write_out(String::new()).await;
        println!("{label}");
    });
}
