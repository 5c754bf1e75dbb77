//! `.await` in a plain `fn main`: E0728.
async fn load() -> u32 {
    7
}

fn main() {
    let n = load().await;
    println!("{n}");
}
