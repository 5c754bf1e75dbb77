//! family: control
//! what: a callback required to return `Result<(), String>` given a closure returning `Option`
fn run_task<F: FnOnce(u32) -> Result<(), String>>(task: F) {
    let _ = task(1);
}

fn main() {
    run_task(|n| if n > 0 { Some(()) } else { None });
}
