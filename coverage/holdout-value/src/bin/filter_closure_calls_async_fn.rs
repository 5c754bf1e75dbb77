//! family: future-as-value
//! what: `Iterator::filter` with a closure that returns an async fn's future instead of the bool it resolves to
async fn is_allowed(user: &str) -> bool {
    !user.starts_with("guest")
}

async fn allowed_users(users: Vec<String>) -> Vec<String> {
    users.into_iter().filter(|u| is_allowed(u)).collect()
}

#[tokio::main]
async fn main() {
    println!("{:?}", allowed_users(vec!["ann".into(), "guest1".into()]).await);
}
