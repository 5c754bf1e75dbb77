//! family: other-async
//! what: awaiting an `Option<impl Future>` directly (an optional refresh) instead of awaiting inside `if let Some`
async fn refresh_token() -> String {
    "token".into()
}

#[tokio::main]
async fn main() {
    let expired = true;
    let refresh = if expired { Some(refresh_token()) } else { None };
    let token = refresh.await;
    println!("{token:?}");
}
