//! `cargo async-explain fix`: applies the edits that come with explained diagnostics, like
//! `cargo fix`, and never leaves a file worse than it found it. Each round plans the edits of the
//! last check (`collect.rs`, `apply.rs`), writes them, checks again and keeps them only when the
//! check is better (`tally.rs`: fewer errors, no new one). When the edits together are not, each
//! file's are tried on its own, then each edit of a file that still fails; what makes things
//! worse is restored and not tried again. A step whose edits uncover errors the compiler could
//! not report before (rustc checks borrows only in bodies that type-check) gets one look-ahead:
//! the edits of those errors in the same files (and rustc's removal of an import the edits left
//! unused), kept only if the two steps together are better.
//! Rounds repeat while they make progress, at most [`MAX_ROUNDS`]. The workspace must be under
//! git and clean unless allowed (`vcs.rs`); an interrupt restores the files of the step under
//! way (`interrupt.rs`). `notes.rs` writes the status lines; `diff.rs` renders the diffs, which
//! the caller prints.

pub mod apply;
pub mod args;
pub mod check;
pub mod collect;
pub mod diff;
mod error;
mod interrupt;
mod notes;
pub mod tally;
pub mod vcs;

use std::collections::{BTreeMap, HashSet};
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

pub use error::{Changed, FixError};

use apply::{FileEdit, Pick, Plan, Workspace};
use check::Check;
use collect::{EditId, Explained};
use interrupt::Interrupt;
use notes::{Notes, describe, plural};
use tally::{Counts, Judgement, judge};

use crate::kb::KbSource;

/// Rounds at most: one fix often uncovers the next error, but not endlessly.
pub const MAX_ROUNDS: usize = 4;

#[derive(Debug, Clone)]
pub struct Options {
    pub cargo_args: Vec<OsString>,
    /// Plan the first round's edits and write nothing.
    pub dry_run: bool,
    pub allow: vcs::Allow,
    pub max_rounds: usize,
    /// Colour the status lines.
    pub color: bool,
    /// Run the blocking-call lint with each check, so its findings are fixed too.
    pub lint: bool,
}

/// What a run did.
#[derive(Debug)]
pub struct Report {
    /// The first check's errors and warnings.
    pub first: Counts,
    /// The last check: what remains (in a dry run, the first).
    pub last: Check,
    /// Every file whose text differs from what it was (in a dry run, what it would become).
    pub changed: Vec<FileChange>,
    /// Rounds that had edits to try.
    pub rounds: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileChange {
    /// As the compiler names it (relative to the workspace root).
    pub name: String,
    pub before: String,
    pub after: String,
}

/// Runs `fix`. Status lines go to `notes`; the caller prints the diffs and what remains.
pub fn run(
    options: &Options,
    kb: &dyn KbSource,
    notes: &mut dyn Write,
) -> Result<Report, FixError> {
    let workspace = check::workspace(&options.cargo_args)?;
    if !options.dry_run {
        vcs::check(&workspace.root, options.allow)?;
    }
    let interrupt = Interrupt::register();
    let mut fixer = Fixer {
        workspace,
        options,
        kb,
        notes: Notes {
            out: notes,
            color: options.color,
        },
        interrupt,
        originals: BTreeMap::new(),
        rejected: HashSet::new(),
    };
    fixer
        .notes
        .status("Checking", &describe(&options.cargo_args));
    let first = check::run(&options.cargo_args, kb, options.lint)?;
    fixer.interrupt.check()?;
    let first_counts = first.analysis.counts.clone();
    if options.dry_run {
        let plan = apply::plan(
            &fixer.workspace,
            &first.analysis.explained,
            Pick::FirstThatApplies {
                skip: &HashSet::new(),
            },
        )?;
        fixer.notes.planned(&plan, &first);
        let changed = plan
            .files
            .into_iter()
            .map(|f| FileChange {
                name: f.name,
                before: f.before,
                after: f.after,
            })
            .collect();
        return Ok(Report {
            first: first_counts,
            last: first,
            changed,
            rounds: 0,
        });
    }
    let mut current = first;
    let mut rounds = 0;
    for round in 1..=options.max_rounds {
        let plan = apply::plan(
            &fixer.workspace,
            &current.analysis.explained,
            Pick::FirstThatApplies {
                skip: &fixer.rejected,
            },
        )?;
        if plan.files.is_empty() {
            break;
        }
        rounds = round;
        fixer.notes.status(
            "Editing",
            &format!(
                "round {round}: {} in {}",
                plural(plan.edits(), "edit"),
                plural(plan.files.len(), "file")
            ),
        );
        let rejected = fixer.rejected.len();
        let (next, progress) = fixer.round(plan, current)?;
        current = next;
        // Go on while edits are kept, or while rejected ones leave a diagnostic's next edit
        // to try.
        if !progress && fixer.rejected.len() == rejected {
            break;
        }
    }
    if rounds == 0 {
        fixer.notes.nothing(&current);
    }
    let changed = fixer.changed()?;
    fixer.notes.summary(&first_counts, &current, &changed);
    Ok(Report {
        first: first_counts,
        last: current,
        changed,
        rounds,
    })
}

struct Fixer<'a> {
    workspace: Workspace,
    options: &'a Options,
    kb: &'a dyn KbSource,
    notes: Notes<'a>,
    interrupt: Interrupt,
    /// Each file `fix` wrote, with its text before the first write.
    originals: BTreeMap<PathBuf, (String, String)>,
    /// Edits that made things worse on their own.
    rejected: HashSet<EditId>,
}

/// How an attempt ended.
enum Attempt {
    Kept(Check),
    Restored(Check, Judgement),
}

impl Fixer<'_> {
    /// One round: all edits together; when that is not better, each file's on its own; when a
    /// file's are not, each of its edits on its own. An edit that made things worse on its own
    /// is not tried again (the diagnostic's next edit is, in the next round). Returns the check
    /// that now holds and whether anything was kept.
    fn round(&mut self, plan: Plan, current: Check) -> Result<(Check, bool), FixError> {
        let names = names(&plan.files);
        let (mut current, judgement) = match self.attempt(&plan.files, current)? {
            Attempt::Kept(after) => {
                self.notes.kept(&names, &after);
                return Ok((after, true));
            }
            Attempt::Restored(current, judgement) => (current, judgement),
        };
        let several = plan.files.len() > 1;
        if several {
            self.notes
                .restored(&names, &judgement, "; trying one file at a time");
        }
        let mut progress = false;
        for file in &plan.files {
            let before = current.analysis.counts.errors.total();
            let outcome = if several {
                self.attempt(std::slice::from_ref(file), current)?
            } else {
                Attempt::Restored(current, judgement.clone())
            };
            let judgement = match outcome {
                Attempt::Kept(after) => {
                    self.notes.kept_file(&file.name, before, &after);
                    current = after;
                    progress = true;
                    continue;
                }
                Attempt::Restored(back, judgement) => {
                    current = back;
                    judgement
                }
            };
            if let [id] = file.ids.as_slice() {
                self.notes.restored(&[&file.name], &judgement, "");
                self.rejected.insert(id.clone());
                continue;
            }
            self.notes
                .restored(&[&file.name], &judgement, "; trying one edit at a time");
            for id in &file.ids {
                let one = apply::plan(&self.workspace, &current.analysis.explained, Pick::Id(id))?;
                if one.files.is_empty() {
                    continue;
                }
                let before = current.analysis.counts.errors.total();
                current = match self.attempt(&one.files, current)? {
                    Attempt::Kept(after) => {
                        self.notes.kept_edit(&file.name, id, before, &after);
                        progress = true;
                        after
                    }
                    Attempt::Restored(back, judgement) => {
                        self.notes.restored_edit(&file.name, id, &judgement);
                        self.rejected.insert(id.clone());
                        back
                    }
                };
            }
        }
        Ok((current, progress))
    }

    /// Writes `files`, checks, and keeps them when the check is better than `current`, with
    /// one look-ahead when they uncover new diagnostics; otherwise restores them.
    fn attempt(&mut self, files: &[FileEdit], current: Check) -> Result<Attempt, FixError> {
        let mut written = Written::default();
        for file in files {
            self.originals
                .entry(file.path.clone())
                .or_insert_with(|| (file.name.clone(), file.before.clone()));
            written.write(file)?;
        }
        self.notes.status("Checking", "after the edits");
        let after = self.check()?;
        let judgement = judge(&current.analysis.counts, &after.analysis.counts);
        if judgement == Judgement::Better {
            written.keep();
            return Ok(Attempt::Kept(after));
        }
        if let Judgement::NewDiagnostics(new) = &judgement {
            // Only the edits of what the step uncovered, in the files it edited.
            let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
            let uncovered: Vec<Explained> = after
                .analysis
                .explained
                .iter()
                .chain(&after.analysis.tidy)
                .filter(|e| new.contains(&e.key))
                .cloned()
                .collect();
            let next = apply::plan(
                &self.workspace,
                &uncovered,
                Pick::FirstThatApplies {
                    skip: &self.rejected,
                },
            )?
            .restricted_to(&paths);
            if !next.files.is_empty() {
                self.notes.status(
                    "Looking",
                    &format!(
                        "ahead: the edits uncovered {}; trying {} for {}",
                        plural(new.len(), "diagnostic"),
                        plural(next.edits(), "edit"),
                        if new.len() == 1 { "it" } else { "them" },
                    ),
                );
                for file in &next.files {
                    written.write(file)?;
                }
                let again = self.check()?;
                if judge(&current.analysis.counts, &again.analysis.counts) == Judgement::Better {
                    written.keep();
                    return Ok(Attempt::Kept(again));
                }
            }
        }
        written.restore()?;
        Ok(Attempt::Restored(current, judgement))
    }

    fn check(&mut self) -> Result<Check, FixError> {
        self.interrupt.check()?;
        let check = check::run(&self.options.cargo_args, self.kb, self.options.lint)?;
        self.interrupt.check()?;
        Ok(check)
    }

    /// Every written file whose text now differs from what it was.
    fn changed(&self) -> Result<Vec<FileChange>, FixError> {
        let mut changed = Vec::new();
        for (path, (name, before)) in &self.originals {
            let after = read(path)?;
            if &after != before {
                changed.push(FileChange {
                    name: name.clone(),
                    before: before.clone(),
                    after,
                });
            }
        }
        Ok(changed)
    }
}

/// Files written in the step under way, with the text to restore; restored when dropped unless
/// kept (an error or an interrupt leaves nothing half done).
#[derive(Default)]
struct Written {
    files: Vec<(PathBuf, String)>,
}

impl Written {
    fn write(&mut self, file: &FileEdit) -> Result<(), FixError> {
        if !self.files.iter().any(|(path, _)| *path == file.path) {
            self.files.push((file.path.clone(), file.before.clone()));
        }
        write(&file.path, &file.after)
    }

    fn keep(&mut self) {
        self.files.clear();
    }

    fn restore(&mut self) -> Result<(), FixError> {
        for (path, text) in self.files.drain(..) {
            write(&path, &text)?;
        }
        Ok(())
    }
}

impl Drop for Written {
    fn drop(&mut self) {
        for (path, text) in self.files.drain(..) {
            let _ = std::fs::write(&path, text);
        }
    }
}

fn read(path: &Path) -> Result<String, FixError> {
    std::fs::read_to_string(path).map_err(|source| FixError::Read {
        path: path.to_owned(),
        source,
    })
}

fn write(path: &Path, text: &str) -> Result<(), FixError> {
    std::fs::write(path, text).map_err(|source| FixError::Write {
        path: path.to_owned(),
        source,
    })
}

fn names(files: &[FileEdit]) -> Vec<&str> {
    files.iter().map(|f| f.name.as_str()).collect()
}
