//! What can stop `cargo async-explain fix`: a working tree it must not touch, cargo failing
//! before it reports diagnostics, files it cannot read or write, an interrupt.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::pipeline::StreamError;

#[derive(Debug, Error)]
pub enum FixError {
    #[error(
        "no git repository holds {root}, and `cargo async-explain fix` rewrites source files in \
         place; put the package under version control first, or pass `--allow-no-vcs` to fix it \
         anyway"
    )]
    NoVcs { root: PathBuf },

    #[error(
        "the working tree has changes that are not committed, and `cargo async-explain fix` \
         rewrites source files in place; commit or stash them, or pass `--allow-dirty` to fix \
         anyway{}:\n\n{}",
        if .files.iter().all(|f| f.staged) { " (or `--allow-staged`, since they are staged)" } else { "" },
        .files.iter().map(|f| format!("  * {} ({})", f.path, if f.staged { "staged" } else { "dirty" })).collect::<Vec<_>>().join("\n")
    )]
    Dirty { files: Vec<Changed> },

    #[error("`git {args}` failed: {message}")]
    Git { args: String, message: String },

    #[error("cannot run `{command}`: {source}")]
    Spawn {
        command: String,
        #[source]
        source: io::Error,
    },

    #[error("`cargo metadata` failed, so the workspace is unknown: {0}")]
    Metadata(String),

    #[error("`cargo check` failed before reporting any error it could fix{}", stderr_tail(.stderr))]
    CargoFailed { stderr: String },

    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },

    #[error(transparent)]
    Stream(#[from] StreamError),

    #[error("interrupted; every file was restored to what it was before this step")]
    Interrupted,
}

/// A path `git status` reports, and whether its change is only staged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub path: String,
    pub staged: bool,
}

/// Cargo's own words, indented under ours (its last lines, where it says what went wrong).
fn stderr_tail(stderr: &str) -> String {
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() {
        return String::new();
    }
    let start = lines.len().saturating_sub(20);
    let mut text = String::from(":\n");
    for line in &lines[start..] {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    text.truncate(text.trim_end().len());
    text
}
