//! The lint's settings in a workspace's `.async-explain/config.toml`: the `[lint.blocking]`
//! table (extra blocking functions and methods, allowed paths). Other tables of that file belong
//! to other settings and are left alone.

use std::path::Path;

use serde::Deserialize;

use super::LintError;

/// `[lint.blocking]`.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockingConfig {
    /// Extra blocking functions: full paths, or `path::*` for everything under a path.
    #[serde(default)]
    pub functions: Vec<String>,
    /// Extra method names that block whatever the receiver.
    #[serde(default)]
    pub methods: Vec<String>,
    /// APIs never reported, written as a finding names them (`std::fs::metadata`,
    /// `std::net::*`, `.block_on()`).
    #[serde(default)]
    pub allow: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    lint: Lint,
}

#[derive(Debug, Default, Deserialize)]
struct Lint {
    #[serde(default)]
    blocking: BlockingConfig,
}

impl BlockingConfig {
    /// Reads `[lint.blocking]` from a `config.toml`; a missing file is an empty configuration.
    pub fn load(path: &Path) -> Result<BlockingConfig, LintError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(source) => {
                return Err(LintError::Io {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        Self::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, name: &str) -> Result<BlockingConfig, LintError> {
        toml::from_str::<File>(text)
            .map(|f| f.lint.blocking)
            .map_err(|e| LintError::Config {
                file: name.to_owned(),
                message: e.to_string(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_blocking_table_and_ignores_other_settings() {
        let config = BlockingConfig::parse(
            "[report]\nsarif = true\n\n[lint.blocking]\nfunctions = [\"a::b\"]\nallow = [\"std::net::*\"]\n",
            "config.toml",
        )
        .unwrap();
        assert_eq!(config.functions, ["a::b"]);
        assert_eq!(config.allow, ["std::net::*"]);
        assert!(config.methods.is_empty());
    }

    #[test]
    fn a_misspelt_key_is_an_error_with_its_place() {
        let err = BlockingConfig::parse("[lint.blocking]\nfunction = []\n", "config.toml")
            .unwrap_err()
            .to_string();
        assert!(err.contains("config.toml"), "{err}");
        assert!(err.contains("line 2"), "{err}");
    }
}
