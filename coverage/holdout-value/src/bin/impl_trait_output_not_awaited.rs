//! family: future-as-value
//! what: an async fn declared `-> impl Summary` whose tail is another async fn's call, not awaited (the trait bound is checked on the future)
//! learned from: rust-lang/rust#99115
trait Summary {
    fn line(&self) -> String;
}

struct Report {
    rows: usize,
}

impl Summary for Report {
    fn line(&self) -> String {
        format!("{} rows", self.rows)
    }
}

async fn build_report() -> impl Summary {
    Report { rows: 3 }
}

async fn latest_summary() -> impl Summary {
    build_report()
}

#[tokio::main]
async fn main() {
    println!("{}", latest_summary().await.line());
}
