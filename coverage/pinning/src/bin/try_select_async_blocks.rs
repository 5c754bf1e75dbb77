//! family: future-not-unpin
//! what: futures::future::try_select on two async blocks
#[tokio::main]
async fn main() {
    let a = async { Ok::<u8, ()>(1) };
    let b = async { Ok::<u8, ()>(2) };
    let _ = futures::future::try_select(a, b).await;
}
