//! family: control
//! what: the `Result` of `str::parse` bound to a `u32` without handling the error
fn main() {
    let port: u32 = "8080".parse::<u32>();
    println!("{port}");
}
