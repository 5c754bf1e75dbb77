//! family: async-trait-not-dyn
//! what: a `&dyn Notifier` parameter where Notifier has a native `async fn`
trait Notifier {
    async fn notify(&self, msg: &str);
}

async fn alert(n: &dyn Notifier) {
    n.notify("disk full").await;
}

fn main() {
    let _ = alert;
}
