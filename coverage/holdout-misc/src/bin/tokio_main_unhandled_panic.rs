//! family: runtime-setup
//! what: `#[tokio::main(unhandled_panic = "shutdown_runtime")]` without building with `--cfg tokio_unstable`
#[tokio::main(flavor = "current_thread", unhandled_panic = "shutdown_runtime")]
async fn main() {
    tokio::spawn(async { panic!("boom") });
    tokio::task::yield_now().await;
}
