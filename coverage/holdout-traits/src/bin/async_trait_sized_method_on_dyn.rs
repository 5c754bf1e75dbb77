//! family: async-trait-not-dyn
//! what: an `#[async_trait]` method declared `where Self: Sized` (to keep the trait dyn-compatible), then called through `&dyn Repo`
use async_trait::async_trait;

#[async_trait]
trait Repo {
    async fn count(&self) -> usize;

    async fn import<I: IntoIterator<Item = String> + Send>(&self, rows: I) -> usize
    where
        Self: Sized,
    {
        rows.into_iter().count() + self.count().await
    }
}

struct Users;

#[async_trait]
impl Repo for Users {
    async fn count(&self) -> usize {
        1
    }
}

async fn seed(repo: &dyn Repo) -> usize {
    repo.import(vec!["ann".to_string()]).await
}

#[tokio::main]
async fn main() {
    println!("{}", seed(&Users).await);
}
