//! family: control
//! what: `std::fs::read_to_string(path)?` in a function returning `Result<_, ConfigError>` where ConfigError has no `From<io::Error>`
#[derive(Debug)]
enum ConfigError {
    Missing(String),
}

fn load(path: &str) -> Result<usize, ConfigError> {
    let text = std::fs::read_to_string(path)?;
    if text.is_empty() {
        return Err(ConfigError::Missing(path.into()));
    }
    Ok(text.len())
}

fn main() {
    println!("{:?}", load("app.toml"));
}
