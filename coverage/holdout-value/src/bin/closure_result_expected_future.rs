//! family: future-as-value
//! what: a task-runner callback that must return `Result<(), String>`, given a closure whose body calls an async fn
//! learned from: fzyzcjy/flutter_rust_bridge#984
async fn update_webhook(url: String) -> Result<(), String> {
    if url.is_empty() { Err("empty".into()) } else { Ok(()) }
}

fn run_task<F>(name: &str, task: F)
where
    F: FnOnce(u32) -> Result<(), String>,
{
    if let Err(e) = task(1) {
        eprintln!("{name}: {e}");
    }
}

fn main() {
    let url = "http://localhost/hook".to_string();
    run_task("webhook", move |_attempt| update_webhook(url));
}
