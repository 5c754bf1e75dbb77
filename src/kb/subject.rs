//! The parts of a rustc diagnostic that knowledge-base matchers look at, gathered once per
//! diagnostic: its texts, its facts (extracted on first use) and the user's code around its
//! primary span (read on first use, when the sources are available).

use std::cell::OnceCell;

use cargo_metadata::diagnostic::{Diagnostic, DiagnosticLevel, DiagnosticSpan};

use crate::facts::Facts;
use crate::source::{Place, Sources};

/// A diagnostic flattened for matching: its message, code and level, every child message,
/// every span label (of the diagnostic and of its children), the backtick-quoted items
/// (types, bindings, paths) of all those texts, and the source lines the spans cover.
pub struct Subject<'d> {
    pub diagnostic: &'d Diagnostic,
    pub level: &'static str,
    pub code: Option<&'d str>,
    pub children: Vec<&'d Diagnostic>,
    pub labels: Vec<(&'d str, &'d DiagnosticSpan)>,
    pub quoted: Vec<&'d str>,
    pub sources: Vec<&'d str>,
    files: Option<&'d Sources>,
    /// The compilation's crate root file, to find the user's files from.
    crate_root: Option<std::path::PathBuf>,
    facts: OnceCell<Facts<'d>>,
    place: OnceCell<Option<Place>>,
}

impl<'d> Subject<'d> {
    /// A subject matched on rustc's text alone.
    pub fn new(diagnostic: &'d Diagnostic) -> Self {
        Self::build(diagnostic, None)
    }

    /// A subject that can also look at the user's code around the diagnostic; `crate_root` is
    /// the compilation's crate root file, when known (see [`Sources`]).
    pub fn with_sources(
        diagnostic: &'d Diagnostic,
        files: &'d Sources,
        crate_root: Option<std::path::PathBuf>,
    ) -> Self {
        Subject {
            crate_root,
            ..Self::build(diagnostic, Some(files))
        }
    }

    fn build(diagnostic: &'d Diagnostic, files: Option<&'d Sources>) -> Self {
        let mut subject = Subject {
            diagnostic,
            level: level_name(&diagnostic.level),
            code: diagnostic.code.as_ref().map(|c| c.code.as_str()),
            children: Vec::new(),
            labels: Vec::new(),
            quoted: Vec::new(),
            sources: Vec::new(),
            files,
            crate_root: None,
            facts: OnceCell::new(),
            place: OnceCell::new(),
        };
        subject.collect_spans(&diagnostic.spans);
        for child in &diagnostic.children {
            subject.collect_child(child);
        }
        let mut quoted = Vec::new();
        quoted_items(&diagnostic.message, &mut quoted);
        for child in &subject.children {
            quoted_items(&child.message, &mut quoted);
        }
        for (label, _) in &subject.labels {
            quoted_items(label, &mut quoted);
        }
        subject.quoted = quoted;
        subject
    }

    fn collect_child(&mut self, child: &'d Diagnostic) {
        self.children.push(child);
        self.collect_spans(&child.spans);
        for grandchild in &child.children {
            self.collect_child(grandchild);
        }
    }

    fn collect_spans(&mut self, spans: &'d [DiagnosticSpan]) {
        for span in spans {
            if let Some(label) = &span.label {
                self.labels.push((label, span));
            }
            for line in &span.text {
                self.sources.push(&line.text);
            }
        }
    }

    /// Every text a matcher's `not` patterns are checked against.
    pub fn all_texts(&self) -> impl Iterator<Item = &'d str> + '_ {
        std::iter::once(self.diagnostic.message.as_str())
            .chain(self.children.iter().map(|c| c.message.as_str()))
            .chain(self.labels.iter().map(|(l, _)| *l))
    }

    /// The diagnostic's facts, extracted on first use.
    pub fn facts(&self) -> &Facts<'d> {
        self.facts.get_or_init(|| Facts::extract(self.diagnostic))
    }

    /// The user's code at the primary span, read on first use.
    pub fn place(&self) -> Option<&Place> {
        self.place
            .get_or_init(|| {
                let files = self.files?;
                let span = crate::span::primary_user_span(self.diagnostic)?;
                files.place(span, self.crate_root.as_deref())
            })
            .as_ref()
    }

    /// The manifest of the package a place belongs to (see [`Sources::manifest_of`]).
    pub fn manifest_of(
        &self,
        place: &crate::source::Place,
    ) -> Option<(String, std::rc::Rc<crate::source::SourceFile>)> {
        self.files?.manifest_of(place)
    }

    /// The user's code at any span of the diagnostic (a fact's), read on first use.
    pub fn place_of(&self, span: &DiagnosticSpan) -> Option<crate::source::Place> {
        self.files?.place(span, self.crate_root.as_deref())
    }

    /// Like [`Subject::place_of`], also in a file that does not parse (see
    /// [`crate::source::Sources::place_in_text`]).
    pub fn text_place_of(&self, span: &DiagnosticSpan) -> Option<crate::source::Place> {
        self.files?.place_in_text(span, self.crate_root.as_deref())
    }

    /// The span rustc marks as primary, when there is one.
    pub fn primary_span(&self) -> Option<&'d DiagnosticSpan> {
        self.diagnostic.spans.iter().find(|s| s.is_primary)
    }
}

/// The level as rustc spells it in JSON.
pub fn level_name(level: &DiagnosticLevel) -> &'static str {
    match level {
        DiagnosticLevel::Ice => "error: internal compiler error",
        DiagnosticLevel::Error => "error",
        DiagnosticLevel::Warning => "warning",
        DiagnosticLevel::FailureNote => "failure-note",
        DiagnosticLevel::Note => "note",
        DiagnosticLevel::Help => "help",
        _ => "unknown",
    }
}

/// Pushes every text between a pair of backticks: rustc quotes types, bindings and paths that way.
fn quoted_items<'t>(text: &'t str, out: &mut Vec<&'t str>) {
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('`') else { break };
        out.push(&after[..close]);
        rest = &after[close + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_items_are_split_on_backtick_pairs() {
        let mut out = Vec::new();
        quoted_items(
            "has type `std::sync::MutexGuard<'_, i32>` which is not `Send`",
            &mut out,
        );
        assert_eq!(out, ["std::sync::MutexGuard<'_, i32>", "Send"]);
        out.clear();
        quoted_items("an unpaired ` quote", &mut out);
        assert!(out.is_empty());
    }
}
