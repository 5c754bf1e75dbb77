//! family: future-not-send
//! what: an embedded-database `Connection` (a RefCell inside) borrowed as `&conn` by an async helper awaited inside tokio::spawn
//! learned from: rusqlite/rusqlite#1013
use std::cell::RefCell;

struct Connection {
    statements: RefCell<Vec<String>>,
}

impl Connection {
    fn open(path: &str) -> Connection {
        Connection { statements: RefCell::new(vec![format!("open {path}")]) }
    }

    fn execute(&self, sql: &str) -> usize {
        self.statements.borrow_mut().push(sql.to_string());
        self.statements.borrow().len()
    }
}

async fn migrate(conn: &Connection) -> usize {
    tokio::task::yield_now().await;
    conn.execute("create table jobs (id integer)")
}

#[tokio::main]
async fn main() {
    let worker = tokio::spawn(async {
        let conn = Connection::open("./jobs.db");
        let applied = migrate(&conn).await;
        println!("{applied} statements");
    });
    worker.await.unwrap();
}
