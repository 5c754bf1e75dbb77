//! family: control
//! what: holding `&self.items[0]` while calling a `&mut self` refresh method, then using the reference
struct Inbox {
    items: Vec<String>,
}

impl Inbox {
    fn refresh(&mut self) {
        self.items.push("new".into());
    }

    fn newest(&mut self) -> usize {
        let first = &self.items[0];
        self.refresh();
        first.len()
    }
}

fn main() {
    let mut inbox = Inbox { items: vec!["old".into()] };
    println!("{}", inbox.newest());
}
