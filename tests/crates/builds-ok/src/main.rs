//! Prints its arguments and exits with the status given as the first one.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("program says: {}", args.join(" "));
    let code = args.first().and_then(|a| a.parse().ok()).unwrap_or(0);
    std::process::exit(code);
}
