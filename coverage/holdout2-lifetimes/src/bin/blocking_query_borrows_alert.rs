//! family: future-not-static
//! what: a tokio-diesel-like `execute_async` that moves the query to a blocking thread (`Q: Send + 'static`), given a query built from a borrowed `&alert`
//! learned from: mehcode/tokio-diesel#9
struct Alert {
    id: u32,
    active: bool,
}

struct Update<'a> {
    target: &'a Alert,
    active: bool,
}

trait ExecuteAsync: Sized + Send + 'static {
    fn sql(&self) -> String;
    async fn execute_async(self) -> usize {
        tokio::task::spawn_blocking(move || self.sql().len()).await.unwrap()
    }
}

impl ExecuteAsync for Update<'static> {
    fn sql(&self) -> String {
        format!("update alerts set active = {} where id = {}", self.active, self.target.id)
    }
}

async fn close(alert: Alert) -> usize {
    Update { target: &alert, active: !alert.active }.execute_async().await
}

#[tokio::main]
async fn main() {
    println!("{}", close(Alert { id: 3, active: true }).await);
}
