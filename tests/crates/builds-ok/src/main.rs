//! Prints its arguments and exits with the status given as the first one; with `sleep` as the
//! first argument it prints a line and sleeps (for the signal tests).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("program says: {}", args.join(" "));
    if args.first().is_some_and(|a| a == "sleep") {
        std::thread::sleep(std::time::Duration::from_secs(30));
    }
    let code = args.first().and_then(|a| a.parse().ok()).unwrap_or(0);
    std::process::exit(code);
}
