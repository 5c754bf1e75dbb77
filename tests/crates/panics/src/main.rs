//! `panics nested`: panics in a helper with the text tokio uses when `block_on` runs inside a
//! runtime. `panics thread`: a thread panics with that text while `main` goes on, then exits 3.

const NESTED: &str = "Cannot start a runtime from within a runtime. This happens because a function (like `block_on`) attempted to block the current thread while the thread is being used to drive asynchronous tasks. If you are in an async function, use `.await` on the future instead of blocking on it.";

fn load_blocking() -> String {
    panic!("{NESTED}");
}

fn main() {
    println!("stdout: starting");
    eprintln!("stderr: before the panic");
    match std::env::args().nth(1).as_deref() {
        Some("nested") => {
            let config = load_blocking();
            println!("{config}");
        }
        Some("thread") => {
            let worker = std::thread::Builder::new()
                .name("worker".into())
                .spawn(load_blocking)
                .unwrap();
            let failed = worker.join().is_err();
            eprintln!("stderr: after the panic (worker failed: {failed})");
            println!("stdout: done");
            std::process::exit(3);
        }
        _ => println!("stdout: nothing to do"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn checksum_in_place() {
        panic!("can call blocking only when running on the multi-threaded runtime");
    }
}
