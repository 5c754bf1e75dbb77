//! family: await-outside-async
//! what: `.await` in `Drop::drop` to close a connection asynchronously
struct Session {
    id: u32,
}

impl Session {
    async fn close(&self) {
        println!("closing {}", self.id);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.close().await;
    }
}

#[tokio::main]
async fn main() {
    let _s = Session { id: 1 };
}
