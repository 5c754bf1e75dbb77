//! family: future-as-value
//! what: `String + future` where the future resolves to a String
async fn suffix() -> String {
    "!".to_string()
}

#[tokio::main]
async fn main() {
    let s = String::from("hi") + suffix();
    println!("{s}");
}
