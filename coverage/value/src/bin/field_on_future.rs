//! family: future-as-value
//! what: reading a field of the struct an async method returns, without `.await`
struct User {
    name: String,
}

struct Db;

impl Db {
    async fn user(&self, id: u32) -> User {
        User { name: format!("user{id}") }
    }
}

#[tokio::main]
async fn main() {
    let db = Db;
    let name = db.user(7).name;
    println!("{name}");
}
