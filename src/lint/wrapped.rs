//! The lint beside a wrapped `cargo check|build|clippy`: started on a thread of its own before
//! cargo (it needs only the sources), on the units predicted from cargo's flags, with the cache
//! written back while cargo still works; finished when cargo's output ends, on the units cargo
//! reported (any it did not predict are checked then; a local unit that `cargo metadata`'s kept
//! answer does not know makes it ask cargo again). When cargo reported no unit at all (it
//! failed before checking, on a manifest error), the lint has nothing to say.

use std::ffi::OsString;
use std::thread::JoinHandle;

use super::incremental::Unit;
use super::session::{CacheDir, Session};
use super::units::{self, Reported};
use super::workspace::Selection;
use super::{LintError, Render, Report, args};

/// The lint, running beside cargo.
pub struct Beside {
    handle: JoinHandle<Result<Started, LintError>>,
    render: Render,
    selection: Selection,
    cache: CacheDir,
}

struct Started {
    session: Session,
    predicted: Vec<Unit>,
}

/// What the lint has to say after cargo: findings, or why it could not run.
#[derive(Debug, Default)]
pub struct Outcome {
    pub report: Option<Report>,
    /// Why the lint did not run (a broken `.async-explain/config.toml`, a failed thread).
    pub error: Option<String>,
}

impl Beside {
    /// Starts the lint for a cargo command's arguments (package and target selection,
    /// `--manifest-path`, `--target-dir`).
    pub fn start(cargo_args: &[OsString], render: Render) -> Beside {
        let selection = args::selection_from_cargo_args(cargo_args);
        let flags = args::targets_from_cargo_args(cargo_args);
        let cache = CacheDir::Target(args::target_dir_from_cargo_args(cargo_args));
        let handle = {
            let (selection, cache) = (selection.clone(), cache.clone());
            std::thread::spawn(move || {
                let mut session = Session::open(&selection, &cache)?;
                let predicted = units::predict(&session.workspace, &flags);
                session.check(&predicted);
                // A cache that cannot be written only costs the next run its speed.
                let _ = session.save();
                Ok(Started { session, predicted })
            })
        };
        Beside {
            handle,
            render,
            selection,
            cache,
        }
    }

    /// The findings in the units cargo reported, once its output has ended.
    pub fn finish(self, reported: &Reported) -> Outcome {
        if reported.is_empty() {
            return Outcome::default();
        }
        let mut started = match self.handle.join() {
            Ok(Ok(started)) => started,
            Ok(Err(e)) => {
                return Outcome {
                    report: None,
                    error: Some(e.to_string()),
                };
            }
            Err(_) => {
                return Outcome {
                    report: None,
                    error: Some("it failed".to_owned()),
                };
            }
        };
        // The workspace came from `cargo metadata`'s kept answer, and cargo reported a local
        // unit it does not know: ask cargo after all.
        if !started.session.metadata_ran && !started.session.knows(reported) {
            match Session::open_with(&self.selection, &self.cache, false) {
                Ok(session) => {
                    started = Started {
                        session,
                        predicted: Vec::new(),
                    };
                }
                Err(e) => {
                    return Outcome {
                        report: None,
                        error: Some(e.to_string()),
                    };
                }
            }
        }
        if started.session.metadata_ran {
            started.session.note_outsiders(reported);
        }
        let units = units::reported(&started.session.workspace, reported, &started.predicted);
        started.session.check(&units);
        // A cache that cannot be written only costs the next run its speed.
        let _ = started.session.save();
        Outcome {
            report: Some(started.session.report(&units, self.render)),
            error: None,
        }
    }
}
