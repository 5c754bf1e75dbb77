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
use std::sync::atomic::{AtomicUsize, Ordering};

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
    /// Every file parsed, sorted.
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

/// Checks the targets of a workspace, on as many threads as there are cores (each thread parses
/// and checks whole targets: proc-macro2's spans belong to the thread that parsed them). A file
/// that several targets include is reported once, for the first of them.
pub fn scan(workspace: &Workspace, blocking: &Blocking, render: Render) -> Report {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(workspace.targets.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let parts: Vec<Part> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| scope.spawn(|| worker(workspace, blocking, render, &next)))
            .collect();
        workers
            .into_iter()
            .map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    });
    let mut found: Vec<Found> = Vec::new();
    let mut report = Report::default();
    for part in parts {
        found.extend(part.found);
        report.files.extend(part.files);
        report.problems.extend(part.problems);
    }
    found.sort_by_key(|f| f.order);
    let mut seen = HashSet::new();
    for f in found {
        if !seen.insert((f.path, f.line, f.column, f.api)) {
            continue;
        }
        match f.json {
            Some(line) => {
                report.findings += 1;
                report.json.extend_from_slice(line.as_bytes());
                report.json.push(b'\n');
            }
            None => report.allowed += 1,
        }
    }
    report.files.sort();
    report.files.dedup();
    report.problems.sort();
    report.problems.dedup();
    report
}

/// What one worker thread found.
struct Part {
    found: Vec<Found>,
    files: Vec<PathBuf>,
    problems: Vec<String>,
}

/// A finding, keyed for a deterministic order and for removing duplicates across targets.
struct Found {
    /// (target, the file's place in the target's walk, line, column).
    order: (usize, usize, usize, usize),
    path: PathBuf,
    line: usize,
    column: usize,
    api: String,
    /// The cargo JSON line, or `None` when an allow comment silences the finding.
    json: Option<String>,
}

/// Takes targets off the shared counter until none are left, parsing each file once per thread.
fn worker(workspace: &Workspace, blocking: &Blocking, render: Render, next: &AtomicUsize) -> Part {
    let mut sources = modules::Sources::new(&workspace.root);
    let mut found = Vec::new();
    loop {
        let index = next.fetch_add(1, Ordering::Relaxed);
        let Some(target) = workspace.targets.get(index) else {
            break;
        };
        let root = target.target.src_path.as_std_path();
        let Some(krate) =
            modules::walk(&mut sources, root, &target.crate_name, target.edition_2015)
        else {
            continue;
        };
        let mut findings = Vec::new();
        let mut order = std::collections::HashMap::new();
        for (place, &(file, module)) in krate.files.iter().enumerate() {
            order.entry(file).or_insert(place);
            visit::check_file(&sources, &krate, blocking, file, module, &mut findings);
        }
        for finding in findings {
            let file = &sources.files[finding.file];
            let (line, column) = (finding.call.start.line, finding.call.start.column);
            let allowed = diagnostic::is_allowed(&file.text, line);
            found.push(Found {
                order: (index, order[&finding.file], line, column),
                path: file.path.clone(),
                line,
                column,
                json: (!allowed).then(|| diagnostic::json_line(&finding, file, target, render)),
                api: finding.api,
            });
        }
    }
    let part = Part {
        found,
        files: sources.files.iter().map(|f| f.path.clone()).collect(),
        problems: std::mem::take(&mut sources.problems),
    };
    drop(sources);
    // The parsed files are gone; free proc-macro2's record of this thread's spans too.
    proc_macro2::extra::invalidate_current_thread_spans();
    part
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
