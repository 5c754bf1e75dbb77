//! family: other-async
//! what: destructuring `tokio::try_join!(..)` into a tuple without `?` (it yields a Result)
async fn user() -> Result<String, String> {
    Ok("ann".into())
}

async fn orders() -> Result<Vec<u32>, String> {
    Ok(vec![1])
}

async fn dashboard() -> Result<usize, String> {
    let (name, items) = tokio::try_join!(user(), orders());
    Ok(name.len() + items.len())
}

#[tokio::main]
async fn main() {
    println!("{:?}", dashboard().await);
}
