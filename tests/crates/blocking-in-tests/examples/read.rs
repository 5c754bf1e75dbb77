//! An example whose async code reads a file with std.

async fn config() -> String {
    std::fs::read_to_string("config.toml").unwrap_or_default()
}

fn main() {
    drop(config());
}
