//! Replaying a recorded compiler stream through the pipeline in memory, the way the tests and
//! `cargo xtask coverage` do: colour off, a fixed width, the whole output of one format in a
//! buffer. Also reads back which knowledge-base entries the `json` format attached to a line.
//!
//! The settings a replay needs beyond the format live in [`Replay`], so that one more (where the
//! recording's source files are on disk, for instance) is one field and one line in
//! [`Replay::config`].

use crate::cli::FormatArg;
use crate::config::Config;
use crate::kb::KbSource;
use crate::pipeline::{self, Output, StreamError};
use crate::render::Style;

/// How a recording is replayed.
#[derive(Debug, Clone, Default)]
pub struct Replay {
    /// The layout width (the tests' snapshots use 100).
    pub width: usize,
    /// Every part of each explanation (`--verbose`), not the concise default.
    pub verbose: bool,
    /// What the stream does with panics and backtraces.
    pub options: pipeline::Options,
}

impl Replay {
    /// The settings the binary would resolve for this replay in `format`.
    pub fn config(&self, format: FormatArg) -> Config {
        Config {
            format,
            style: Style {
                color: false,
                width: self.width,
                verbose: self.verbose,
            },
            kb_dirs: Vec::new(),
            ci: Default::default(),
        }
    }

    /// Streams `input` through `kb` in `format`; returns the output and the notes (warnings about
    /// single lines, naming the input `input_name`) the stream wrote beside it.
    pub fn run(
        &self,
        kb: &dyn KbSource,
        format: FormatArg,
        input: &[u8],
        input_name: &str,
    ) -> Result<(Vec<u8>, String), StreamError> {
        let config = self.config(format);
        let mut out = Vec::new();
        let mut notes = Vec::new();
        {
            let mut outputs = [Output::primary(config.emitter(), Box::new(&mut out))];
            pipeline::run_with(
                kb,
                &mut outputs,
                input,
                input_name,
                &mut notes,
                self.options.clone(),
            )?;
        }
        Ok((out, String::from_utf8_lossy(&notes).into_owned()))
    }
}

/// The knowledge-base ids the `json` format attached to one of its output lines: one per
/// explanation and one for a reference to an explanation given earlier ("follows from", "same
/// as above"), in order. Empty for a line passed through unexplained (or that is no JSON).
pub fn attached_ids(json_line: &[u8]) -> Vec<String> {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(json_line) else {
        return Vec::new();
    };
    let message = value.get("message").unwrap_or(&value);
    let Some(children) = message.get("children").and_then(|c| c.as_array()) else {
        return Vec::new();
    };
    children
        .iter()
        .filter_map(|child| child["code"]["code"].as_str())
        .filter_map(|code| code.strip_prefix("async-explain::"))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attached_ids_reads_the_added_children_of_cargo_and_bare_messages() {
        let cargo = br#"{"reason":"compiler-message","message":{"children":[{"code":null},{"code":{"code":"async-explain::a","explanation":null}},{"code":{"code":"async-explain::b"}}]}}"#;
        assert_eq!(attached_ids(cargo), ["a", "b"]);
        let bare = br#"{"children":[{"code":{"code":"async-explain::family-x"}}]}"#;
        assert_eq!(attached_ids(bare), ["family-x"]);
        assert!(attached_ids(br#"{"children":[{"code":{"code":"E0277"}}]}"#).is_empty());
        assert!(attached_ids(b"not json").is_empty());
    }
}
