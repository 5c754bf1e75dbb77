//! Lints the compiler lacks, run on the workspace's own sources: calls to blocking APIs made
//! directly in async code (`async_explain::blocking_in_async`). Each finding becomes a cargo
//! JSON compiler message, so it flows through [`crate::pipeline`] like rustc's diagnostics and the
//! knowledge base explains it. Also the async clippy lints that `cargo async-explain clippy`
//! turns on ([`clippy`]).
//!
//! Flow: [`workspace`] (cargo metadata → targets) → [`modules`] (parse, follow `mod`) →
//! [`visit`] (async context, calls, with [`resolve`] and [`blocking`]) → [`diagnostic`] (JSON).

pub mod args;
pub mod blocking;
pub mod clippy;
pub mod config;
pub mod diagnostic;
pub mod modules;
pub mod resolve;
pub mod visit;
pub mod workspace;

use std::collections::HashSet;
use std::io::{self, Read};
use std::path::PathBuf;

pub use blocking::Blocking;
pub use config::BlockingConfig;
pub use diagnostic::Render;
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
    /// Every file parsed, in the order met.
    pub files: Vec<PathBuf>,
    /// Files that could not be read or parsed (the compiler reports those better).
    pub problems: Vec<String>,
}

/// Finds the workspace's targets, reads the project's `[lint.blocking]` settings and checks
/// every target.
pub fn run(options: &Options) -> Result<Report, LintError> {
    let workspace = workspace::discover(&options.selection)?;
    let config = BlockingConfig::load(&workspace.root.join(CONFIG_FILE))?;
    let blocking = Blocking::embedded()?.with_config(&config);
    Ok(scan(&workspace, &blocking, options.render))
}

/// Checks the targets of a workspace. Each file is parsed and checked once, even when several
/// targets include it.
pub fn scan(workspace: &Workspace, blocking: &Blocking, render: Render) -> Report {
    let mut sources = modules::Sources::new(&workspace.root);
    let mut checked = HashSet::new();
    let mut report = Report::default();
    for target in &workspace.targets {
        let root = target.target.src_path.as_std_path();
        let Some(krate) =
            modules::walk(&mut sources, root, &target.crate_name, target.edition_2015)
        else {
            continue;
        };
        let mut findings = Vec::new();
        for &(file, module) in &krate.files {
            if checked.insert(file) {
                visit::check_file(&sources, &krate, blocking, file, module, &mut findings);
            }
        }
        findings.sort_by_key(|f| (f.file, f.call.start.line, f.call.start.column));
        findings.dedup_by(|a, b| a.file == b.file && a.call == b.call && a.api == b.api);
        for finding in &findings {
            let file = &sources.files[finding.file];
            if diagnostic::is_allowed(&file.text, finding.call.start.line) {
                report.allowed += 1;
                continue;
            }
            report.findings += 1;
            let line = diagnostic::json_line(finding, file, target, render);
            report.json.extend_from_slice(line.as_bytes());
            report.json.push(b'\n');
        }
    }
    report.files = sources.files.iter().map(|f| f.path.clone()).collect();
    report.problems = std::mem::take(&mut sources.problems);
    drop(sources);
    // The parsed files are gone; free proc-macro2's record of their spans too.
    proc_macro2::extra::invalidate_current_thread_spans();
    report
}

/// Reads `first` to its end, then the bytes `then` produces (called once, when `first` ends):
/// cargo's messages followed by the lint's, as one stream for the pipeline.
pub struct ThenRead<R, F> {
    first: R,
    then: Option<F>,
    rest: io::Cursor<Vec<u8>>,
}

impl<R: Read, F: FnOnce() -> Vec<u8>> ThenRead<R, F> {
    pub fn new(first: R, then: F) -> Self {
        ThenRead {
            first,
            then: Some(then),
            rest: io::Cursor::new(Vec::new()),
        }
    }
}

impl<R: Read, F: FnOnce() -> Vec<u8>> Read for ThenRead<R, F> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.then.is_some() {
            let n = self.first.read(buf)?;
            if n > 0 || buf.is_empty() {
                return Ok(n);
            }
            if let Some(then) = self.then.take() {
                self.rest = io::Cursor::new(then());
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
        ThenRead::new(&b"cargo\n"[..], || b"lint\n".to_vec())
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, "cargo\nlint\n");
    }
}
