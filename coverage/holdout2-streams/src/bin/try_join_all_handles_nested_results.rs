//! family: other-async
//! what: `try_join_all(handles).await?` over JoinHandles of tasks that return `Result<Report, String>`, then used as a `Vec<Report>` (each item is still the task's own Result)
//! learned from: dtolnay/anyhow#109, rust-lang/futures-rs#2167
use futures::future::try_join_all;

#[derive(Debug)]
struct Report {
    lines: usize,
}

async fn scan(path: &'static str) -> Result<Report, String> {
    Ok(Report { lines: path.len() })
}

async fn scan_all() -> Result<usize, tokio::task::JoinError> {
    let handles: Vec<_> = ["a.rs", "b.rs"].into_iter().map(|p| tokio::spawn(scan(p))).collect();
    let reports: Vec<Report> = try_join_all(handles).await?;
    Ok(reports.iter().map(|r| r.lines).sum())
}

#[tokio::main]
async fn main() {
    println!("{:?}", scan_all().await);
}
