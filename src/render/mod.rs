//! Output formats. Each emitter turns pipeline events into bytes appended to a buffer: rendering
//! is pure, and the caller does the writing. `human`, `short` and `json` copy the stream; the CI
//! formats (`github`, `sarif`, `gitlab`, `step_summary`) report findings, with the shared
//! `location` (paths, spans) and `finding` (severity, rule, fingerprint) helpers.

mod backtrace;
mod explanation;
pub mod finding;
pub mod github;
pub mod gitlab;
mod human;
mod json;
pub mod location;
mod panic;
pub mod sarif;
mod short;
pub mod snippet;
pub mod step_summary;

use cargo_metadata::diagnostic::Diagnostic;

use crate::explain::Explanation;
use crate::input::Shape;
use crate::panic::{FoldedBacktrace, HeldBacktrace, Panic, Site};

pub use backtrace::{render_backtrace, write_backtrace};
pub use explanation::{Seen, render_explanation, render_explanation_seen, render_follows};
pub use github::Github;
pub use gitlab::Gitlab;
pub use human::Human;
pub use json::Json;
pub use location::Workspace;
pub use panic::render_panic;
pub use sarif::Sarif;
pub use short::Short;
pub use step_summary::StepSummary;

/// How human-readable text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    /// Width annotate-snippets lays out for.
    pub width: usize,
    /// Every part of an explanation (`--verbose`): the whole why, every fix, link and crate.
    /// Otherwise the concise form: the brief why, the first fix, one link and what more there is.
    pub verbose: bool,
}

/// One unit of input, as the emitters see it.
pub enum Event<'a> {
    /// A line that is not JSON: written back verbatim.
    Text {
        raw: &'a [u8],
        newline: bool,
    },
    /// A JSON line that is not a diagnostic; `bookkeeping` when cargo itself would not print it.
    Json {
        raw: &'a [u8],
        newline: bool,
        bookkeeping: bool,
    },
    Diagnostic(&'a DiagnosticEvent<'a>),
}

/// A compiler diagnostic and whatever explains it.
pub struct DiagnosticEvent<'a> {
    pub raw: &'a [u8],
    pub newline: bool,
    pub shape: Shape,
    pub level: &'a str,
    pub rendered: Option<&'a str>,
    /// Parsed in full when an entry matched or the emitter asked for it.
    pub diagnostic: Option<&'a Diagnostic>,
    pub explanations: &'a [Explanation<'a>],
    /// When an earlier explained error causes this one: that error's entry.
    pub follows: Option<&'a Root>,
}

/// An explained error that a later diagnostic refers back to.
#[derive(Debug, Clone)]
pub struct Root {
    pub id: String,
    pub title: String,
    pub relation: Relation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    /// The earlier error causes this one (the entry's `[[cascade]]`).
    CausedBy,
    /// This diagnostic repeats one explained above (same entry, message and place).
    SameAs,
}

/// A backtrace in a program's output, held back until it ended, and its folded view (`None`
/// when every frame is to be shown, `--full`).
pub struct BacktraceEvent<'a> {
    pub held: &'a HeldBacktrace,
    pub folded: Option<&'a FoldedBacktrace>,
}

/// A runtime panic whose message (and backtrace) ended: where in the user's code it came from
/// and what explains it (empty when no entry does).
pub struct PanicEvent<'a> {
    pub panic: &'a Panic,
    pub site: Option<&'a Site>,
    pub explanations: &'a [Explanation<'a>],
}

/// Counts kept while the stream runs, for exit codes and summaries.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Summary {
    pub errors: u64,
    pub warnings: u64,
    pub other_diagnostics: u64,
    pub explained: u64,
    /// Diagnostics reported as following from an earlier explained error.
    pub cascaded: u64,
    pub build_failed: bool,
    pub malformed_lines: u64,
    /// Runtime panics seen in a program's output, and how many of them were explained.
    pub panics: u64,
    pub panics_explained: u64,
}

pub trait Emitter {
    /// True when the emitter needs every diagnostic parsed in full, not only explained ones.
    fn wants_full_diagnostics(&self) -> bool {
        false
    }

    /// True when the emitter prints rustc's `rendered` text (decoding it costs; only then is it done).
    fn wants_rendered(&self) -> bool {
        false
    }

    /// True when the emitter writes text lines back (so an oversized line is streamed to it).
    fn copies_text(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>);

    /// A backtrace that ended. By default its lines are written back as they came, by the
    /// emitters that copy text (a report such as SARIF writes none).
    fn backtrace(&mut self, event: &BacktraceEvent<'_>, out: &mut Vec<u8>) {
        if !self.copies_text() {
            return;
        }
        for (raw, newline) in &event.held.lines {
            raw_line(out, raw, *newline);
        }
    }

    /// A runtime panic that ended (after its lines were written as text). By default nothing is
    /// added.
    fn panic(&mut self, _event: &PanicEvent<'_>, _out: &mut Vec<u8>) {}

    /// Called once after the last event.
    fn finish(&mut self, _summary: &Summary, _out: &mut Vec<u8>) {}
}

/// Writes a raw line and its terminator, if it had one.
fn raw_line(out: &mut Vec<u8>, raw: &[u8], newline: bool) {
    out.extend_from_slice(raw);
    if newline {
        out.push(b'\n');
    }
}

/// Removes ANSI escape sequences (SGR and other CSI) from text rustc rendered with colour.
pub fn strip_ansi(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\u{1b}') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if ('@'..='~').contains(&c) {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_ansi_removes_sgr_sequences_only() {
        assert_eq!(
            strip_ansi("\u{1b}[1m\u{1b}[91merror\u{1b}[0m: x"),
            "error: x"
        );
        assert_eq!(strip_ansi("plain [1m"), "plain [1m");
    }
}
