//! family: future-as-value
//! what: a sync trait method (`Display`-like `name()`) implemented by returning an async inherent method's call
trait Named {
    fn name(&self) -> String;
}

struct Account {
    id: u32,
}

impl Account {
    async fn fetch_name(&self) -> String {
        format!("account-{}", self.id)
    }
}

impl Named for Account {
    fn name(&self) -> String {
        self.fetch_name()
    }
}

fn main() {
    println!("{}", Account { id: 7 }.name());
}
