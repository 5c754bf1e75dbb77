//! family: other-async
//! what: cloning an `async move ||` handler that captured a non-Clone connection, to register it twice
//! learned from: rust-lang/rust tests/ui/async-await/async-closures/not-clone-closure.stderr
struct Connection {
    id: u32,
}

impl Connection {
    fn describe(&self) -> String {
        format!("connection {}", self.id)
    }
}

#[tokio::main]
async fn main() {
    let conn = Connection { id: 1 };
    let handler = async move || {
        println!("using {}", conn.describe());
    };
    let second = handler.clone();
    handler().await;
    second().await;
}
