//! family: async-trait-not-dyn
//! what: `&dyn AsyncFn()` as a callback parameter
//! learned from: rust-lang/rust#132713
async fn twice(f: &dyn AsyncFn()) {
    f().await;
    f().await;
}

fn main() {
    let _ = twice;
}
