//! family: future-not-send
//! what: Runtime::spawn of an async block that holds an Rc across an await, from a sync main
use std::rc::Rc;

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.spawn(async {
        let tag = Rc::new("job");
        tokio::task::yield_now().await;
        println!("{tag}");
    });
}
