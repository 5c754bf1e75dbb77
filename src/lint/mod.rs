//! Lints the compiler lacks, run on the workspace's own sources: calls to blocking APIs made
//! directly in async code (`async_explain::blocking_in_async`). Each finding becomes a cargo
//! JSON compiler message, so it flows through [`crate::pipeline`] like rustc's diagnostics and the
//! knowledge base explains it. Also the async clippy lints that `cargo async-explain clippy`
//! turns on ([`clippy`]).
//!
//! Flow: [`workspace`] (cargo metadata → targets; [`snapshot`], its kept answer) → [`units`]
//! (which targets, in which build) → [`session`] (threads, the [`cache`]) → [`incremental`]
//! (per unit: reuse or re-check) → [`sources`] (stat, read, parse, [`summary`]) → [`modules`]
//! (the module tree) → [`visit`] (async context, calls, with [`resolve`] and [`blocking`]) →
//! [`diagnostic`] (JSON). Beside a wrapped cargo command: [`wrapped`], with [`tap`] reading
//! which units cargo checked.

pub mod args;
pub mod blocking;
pub mod cache;
pub mod cfg;
pub mod clippy;
pub mod config;
pub mod diagnostic;
pub mod hash;
pub mod incremental;
pub mod modules;
pub mod resolve;
pub mod session;
pub mod snapshot;
pub mod sources;
pub mod summary;
pub mod tap;
pub mod units;
pub mod visit;
pub mod workspace;
pub mod wrapped;

use std::io::{self, Read};
use std::path::PathBuf;
use std::time::SystemTime;

pub use blocking::Blocking;
pub use config::BlockingConfig;
pub use diagnostic::Render;
pub use session::{CacheDir, Session};
pub use tap::Tap;
pub use workspace::{Selection, Workspace};

/// Where a workspace keeps the lint's settings (`[lint.blocking]`), beside its knowledge-base
/// entries.
pub const CONFIG_FILE: &str = ".async-explain/config.toml";

#[derive(Debug, thiserror::Error)]
pub enum LintError {
    #[error("cannot read the workspace with `cargo metadata`: {0}")]
    Metadata(String),
    #[error("package `{0}` is not a member of the workspace")]
    NoPackage(String),
    #[error("{file}: {message}")]
    Config { file: String, message: String },
    #[error("{file} (the embedded list of blocking APIs): {message}")]
    Data { file: String, message: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: io::Error,
    },
}

/// What `run` is asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    pub selection: Selection,
    pub render: Render,
}

/// What a run found.
#[derive(Debug, Default)]
pub struct Report {
    /// One cargo JSON line per finding, each ending in a newline.
    pub json: Vec<u8>,
    pub findings: usize,
    /// Findings silenced by `// async-explain: allow(blocking)`.
    pub allowed: usize,
    /// Every file of the units checked, sorted.
    pub files: Vec<PathBuf>,
    /// Files that could not be read or parsed (the compiler reports those better).
    pub problems: Vec<String>,
    /// Where the run's time went.
    pub timings: session::Timings,
}

/// Finds the workspace's targets, reads the project's `[lint.blocking]` settings and checks
/// every target (`cfg(test)` not evaluated), without a cache.
pub fn run(options: &Options) -> Result<Report, LintError> {
    let mut session = Session::open(&options.selection, &CacheDir::Off)?;
    let all = units::all(&session.workspace);
    session.check(&all);
    Ok(session.report(&all, options.render))
}

/// [`run`], with the cache under cargo's target directory: an unchanged file is not parsed
/// again (`cargo async-explain lint`).
pub fn run_incremental(options: &Options) -> Result<Report, LintError> {
    let mut session = Session::open(&options.selection, &CacheDir::Target(None))?;
    let all = units::all(&session.workspace);
    session.check(&all);
    // A cache that cannot be written only costs the next run its speed.
    let _ = session.save();
    Ok(session.report(&all, options.render))
}

/// Checks every target of a workspace (`cfg(test)` not evaluated), without a cache.
pub fn scan(workspace: &Workspace, blocking: &Blocking, render: Render) -> Report {
    let blocking = blocking.clone();
    let mut session = Session::with(workspace.clone(), blocking, None, SystemTime::now());
    let all = units::all(workspace);
    session.check(&all);
    session.report(&all, render)
}

/// Reads `first` to its end, then the bytes `then` produces (called once, when `first` ends,
/// with `first`): cargo's messages followed by the lint's, as one stream for the pipeline.
pub struct ThenRead<R, F> {
    first: R,
    then: Option<F>,
    rest: io::Cursor<Vec<u8>>,
}

impl<R: Read, F: FnOnce(&mut R) -> Vec<u8>> ThenRead<R, F> {
    pub fn new(first: R, then: F) -> Self {
        ThenRead {
            first,
            then: Some(then),
            rest: io::Cursor::new(Vec::new()),
        }
    }
}

impl<R: Read, F: FnOnce(&mut R) -> Vec<u8>> Read for ThenRead<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.then.is_some() {
            let n = self.first.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            if let Some(then) = self.then.take() {
                self.rest = io::Cursor::new(then(&mut self.first));
            }
        }
        self.rest.read(buf)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn then_read_appends_after_the_end_of_the_first_stream() {
        let mut out = String::new();
        ThenRead::new(&b"cargo\n"[..], |_| b"lint\n".to_vec())
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "cargo\nlint\n");
    }
}
