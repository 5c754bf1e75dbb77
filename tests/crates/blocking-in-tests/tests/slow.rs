//! An integration test whose async helper blocks.

async fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(1));
}

#[test]
fn makes_a_future() {
    drop(settle());
}
