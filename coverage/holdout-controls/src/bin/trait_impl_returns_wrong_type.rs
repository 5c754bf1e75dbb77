//! family: control
//! what: a trait method declared `-> String` implemented by returning a `u32` field
trait Named {
    fn name(&self) -> String;
}

struct Account {
    id: u32,
}

impl Named for Account {
    fn name(&self) -> String {
        self.id
    }
}

fn main() {
    println!("{}", Account { id: 1 }.name());
}
