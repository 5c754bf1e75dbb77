//! family: future-not-static
//! what: spawning a task that owns a generic `T` without a `'static` bound
//! learned from: wasm-bindgen/wasm-bindgen#1733
fn watch<T: Send + std::fmt::Debug>(value: T) {
    tokio::spawn(async move {
        println!("{value:?}");
    });
}

#[tokio::main]
async fn main() {
    watch(1);
}
