//! `fix`'s status lines on stderr, cargo-style: a right-aligned word (green, or yellow for a
//! file restored, when colour is on), then what happens and why. Pure text apart from the write.

use std::ffi::OsString;
use std::io::Write;

use super::FileChange;
use super::apply::Plan;
use super::check::Check;
use super::collect::EditId;
use super::tally::{Counts, Judgement};

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The check being run, for the first status line.
pub(super) fn describe(cargo_args: &[OsString]) -> String {
    let mut text = String::from("`cargo check");
    for arg in cargo_args {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text.push('`');
    text
}

/// Status lines on stderr, cargo-style: a right-aligned word, then what happens.
pub(super) struct Notes<'a> {
    pub(super) out: &'a mut dyn Write,
    pub(super) color: bool,
}

impl Notes<'_> {
    fn line(&mut self, word: &str, text: &str, warn: bool) {
        let (on, off) = match (self.color, warn) {
            (false, _) => ("", ""),
            (true, false) => ("\u{1b}[1;32m", "\u{1b}[0m"),
            (true, true) => ("\u{1b}[1;33m", "\u{1b}[0m"),
        };
        let _ = writeln!(self.out, "{on}{word:>12}{off} {text}");
    }

    pub(super) fn status(&mut self, word: &str, text: &str) {
        self.line(word, text, false);
    }

    pub(super) fn kept(&mut self, names: &[&str], after: &Check) {
        let text = format!("{}: {}", names.join(", "), errors_now(after));
        self.line("Keeping", &text, false);
    }

    pub(super) fn kept_file(&mut self, name: &str, before: usize, after: &Check) {
        let now = after.analysis.counts.errors.total();
        self.line(
            "Keeping",
            &format!("{name}: {} ({before} → {now})", plural(now, "error")),
            false,
        );
    }

    pub(super) fn restored(&mut self, names: &[&str], judgement: &Judgement, then: &str) {
        let who = if names.len() == 1 {
            names[0].to_owned()
        } else {
            format!("{} files ({})", names.len(), names.join(", "))
        };
        let why = if names.len() == 1 {
            reason(
                judgement,
                "its edits bring",
                "its edits do not reduce the errors",
            )
        } else {
            reason(
                judgement,
                "together their edits bring",
                "together their edits do not reduce the errors",
            )
        };
        self.line("Restoring", &format!("{who}: {why}{then}"), true);
    }

    pub(super) fn kept_edit(&mut self, name: &str, id: &EditId, before: usize, after: &Check) {
        let now = after.analysis.counts.errors.total();
        self.line(
            "Keeping",
            &format!(
                "{name}: {}: {} ({before} → {now})",
                describe_edit(id),
                plural(now, "error")
            ),
            false,
        );
    }

    pub(super) fn restored_edit(&mut self, name: &str, id: &EditId, judgement: &Judgement) {
        let why = reason(judgement, "it brings", "it does not reduce the errors");
        self.line(
            "Restoring",
            &format!("{name}: {}: {why}", describe_edit(id)),
            true,
        );
    }

    pub(super) fn planned(&mut self, plan: &Plan, first: &Check) {
        if plan.files.is_empty() {
            self.nothing(first);
            return;
        }
        self.line(
            "Dry run",
            &format!(
                "{} in {} (not written, not re-checked)",
                plural(plan.edits(), "edit"),
                plural(plan.files.len(), "file")
            ),
            false,
        );
    }

    pub(super) fn nothing(&mut self, check: &Check) {
        let explained = check.analysis.explained.len();
        let text = if check.success && check.analysis.counts.warnings.total() == 0 {
            String::from("nothing to fix: the check passes")
        } else if explained == 0 {
            String::from("nothing to fix: no diagnostic is one the knowledge base explains")
        } else {
            format!(
                "nothing to fix: no edit applies to the {} explained",
                plural(explained, "diagnostic")
            )
        };
        self.line("Done", &text, false);
    }

    pub(super) fn summary(&mut self, first: &Counts, last: &Check, changed: &[FileChange]) {
        if changed.is_empty() {
            return;
        }
        let mut text = format!(
            "{}: errors {} → {}",
            plural(changed.len(), "file"),
            first.errors.total(),
            last.analysis.counts.errors.total(),
        );
        let warnings = (
            first.warnings.total(),
            last.analysis.counts.warnings.total(),
        );
        if warnings != (0, 0) {
            text.push_str(&format!(", warnings {} → {}", warnings.0, warnings.1));
        }
        self.line("Fixed", &text, false);
    }
}

fn errors_now(check: &Check) -> String {
    match check.analysis.counts.errors.total() {
        0 => String::from("no error left"),
        n => format!("{} left", plural(n, "error")),
    }
}

/// Why edits were restored.
fn reason(judgement: &Judgement, bring: &str, no_fewer: &str) -> String {
    match judgement {
        Judgement::NewDiagnostics(keys) => {
            let list: Vec<String> = keys.iter().take(3).map(ToString::to_string).collect();
            let mut text = format!(
                "{bring} {}: {}",
                if keys.len() == 1 {
                    "a new diagnostic"
                } else {
                    "new diagnostics"
                },
                list.join("; ")
            );
            if keys.len() > 3 {
                text.push_str(&format!(" and {} more", keys.len() - 3));
            }
            text
        }
        Judgement::NoFewer { before, after } => format!("{no_fewer} ({before} → {after})"),
        Judgement::Better => String::from("better"),
    }
}

/// An edit in a status line: the first line of its help, and the diagnostic it is for.
fn describe_edit(id: &EditId) -> String {
    let title = id.message.lines().next().unwrap_or_default();
    format!("the edit “{title}” for {}", id.key)
}
