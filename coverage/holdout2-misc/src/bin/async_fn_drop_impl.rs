//! family: other-async
//! what: `impl Drop for Session` written with `async fn drop(&mut self)` so that it can await closing the connection
//! learned from: rust-lang/rust tests/ui/async-await/in-trait/fn-not-async-err2.stderr
struct Session {
    id: u64,
}

impl Session {
    async fn close(&mut self) {
        println!("closing {}", self.id);
    }
}

impl Drop for Session {
    async fn drop(&mut self) {
        self.close().await;
    }
}

#[tokio::main]
async fn main() {
    let session = Session { id: 1 };
    println!("{}", session.id);
}
