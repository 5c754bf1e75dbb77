//! family: async-trait-other
//! what: `#[async_trait]` used on a trait and impl without importing the macro
trait Cache {
    fn name(&self) -> &str;
}

#[async_trait]
trait Store {
    async fn put(&self, key: String);
}

fn main() {}
