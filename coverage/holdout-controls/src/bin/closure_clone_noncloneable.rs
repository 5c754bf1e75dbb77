//! family: control
//! what: cloning a `move` closure that captured a non-Clone value
struct Connection {
    id: u32,
}

impl Connection {
    fn describe(&self) -> String {
        format!("connection {}", self.id)
    }
}

fn main() {
    let conn = Connection { id: 1 };
    let handler = move || println!("{}", conn.describe());
    let second = handler.clone();
    handler();
    second();
}
