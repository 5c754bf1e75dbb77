//! family: closure-future-borrows
//! what: a diesel-async-like `transaction(|conn| Box::pin(async move { .. }))` whose boxed future uses a local `&user_id` besides the connection
//! learned from: diesel-rs/diesel_async#27
use futures::future::BoxFuture;

struct Conn {
    rows: Vec<(u64, String)>,
}

impl Conn {
    async fn find(&mut self, id: &u64) -> Option<String> {
        self.rows.iter().find(|(k, _)| k == id).map(|(_, v)| v.clone())
    }

    async fn transaction<R, F>(&mut self, f: F) -> R
    where
        F: for<'c> FnOnce(&'c mut Conn) -> BoxFuture<'c, R>,
    {
        f(self).await
    }
}

async fn rename(conn: &mut Conn, user_id: u64) -> Option<String> {
    let id = &user_id;
    conn.transaction(|conn| Box::pin(async move { conn.find(id).await })).await
}

#[tokio::main]
async fn main() {
    let mut conn = Conn { rows: vec![(1, "ada".into())] };
    println!("{:?}", rename(&mut conn, 1).await);
}
