//! family: future-not-send
//! what: a raw `*mut u8` kept across an await in a spawned task
#[tokio::main]
async fn main() {
    let mut buf = vec![0u8; 4];
    tokio::spawn(async move {
        let p: *mut u8 = buf.as_mut_ptr();
        tokio::task::yield_now().await;
        unsafe { *p = 1 };
    });
}
