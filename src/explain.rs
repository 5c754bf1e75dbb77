//! Turns a knowledge-base match into an explanation of one diagnostic (or of a runtime panic):
//! the entry's texts filled with the names and types rustc quoted, and each fix tied to the span
//! of the user's code it points at. Pure data; the renderers decide how it looks.

use cargo_metadata::diagnostic::DiagnosticSpan;

use crate::kb::{CrateHint, Entry, Link, Match, SpanSelector, Subject, Verdict};

#[derive(Debug, Clone)]
pub struct Explanation<'a> {
    /// The knowledge-base entry that explains the diagnostic (for reports that describe rules).
    pub entry: &'a Entry,
    pub id: &'a str,
    pub title: String,
    pub summary: &'a str,
    /// The why in at most three lines (the entry's `brief`; without one, the why's first
    /// paragraph), shown by default; one line of text.
    pub brief: String,
    pub why: String,
    pub sync: Option<String>,
    pub rustc: Option<(Verdict, String)>,
    pub fixes: Vec<FixText<'a>>,
    pub links: &'a [Link],
    pub crates: &'a [CrateHint],
}

#[derive(Debug, Clone)]
pub struct FixText<'a> {
    pub title: String,
    pub code: Option<String>,
    /// The span of the user's code the fix points at, when the entry names one and rustc gave it.
    pub span: Option<&'a DiagnosticSpan>,
    /// Text to put in place of `span`, for a mechanical fix.
    pub replacement: Option<String>,
}

impl<'a> Explanation<'a> {
    pub fn new(found: &Match<'a>, subject: &Subject<'a>) -> Self {
        Self::build(found, Some(subject))
    }

    /// The explanation of a runtime panic: no spans, so fixes point nowhere (the renderer says
    /// where the panic came from).
    pub fn for_panic(found: &Match<'a>) -> Self {
        Self::build(found, None)
    }

    fn build(found: &Match<'a>, subject: Option<&Subject<'a>>) -> Self {
        let entry = found.entry;
        let fill = |t: &crate::kb::Template| t.fill(&found.captures, &entry.defaults).into_owned();
        let fixes = entry
            .fixes
            .iter()
            .filter(|fix| match (&fix.when, subject) {
                (Some(when), Some(subject)) => when.holds(subject),
                _ => true,
            })
            .map(|fix| {
                let span = fix
                    .at
                    .as_ref()
                    .zip(subject)
                    .and_then(|(at, subject)| select_span(subject, at));
                FixText {
                    title: fill(&fix.title),
                    code: fix.code.as_ref().map(fill).map(|c| c.trim_end().to_owned()),
                    replacement: span.and(fix.replace.as_ref()).map(fill),
                    span,
                }
            })
            .collect();
        let why = fill(&entry.explanation).trim_end().to_owned();
        // One paragraph, its source line breaks joined: each output lays it out itself.
        let brief = match &entry.brief {
            Some(brief) => fill(brief),
            None => why.split("\n\n").next().unwrap_or_default().to_owned(),
        }
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
        Explanation {
            entry,
            id: &entry.id,
            title: fill(&entry.title),
            summary: &entry.summary,
            brief,
            why,
            sync: entry.sync.as_ref().map(|s| fill(s).trim_end().to_owned()),
            rustc: entry
                .rustc
                .as_ref()
                .map(|r| (r.verdict, fill(&r.note).trim_end().to_owned())),
            fixes,
            links: &entry.links,
            crates: &entry.crates,
        }
    }

    /// The first fix's title, for one-line formats.
    pub fn first_fix(&self) -> Option<&str> {
        self.fixes.first().map(|f| f.title.as_str())
    }
}

fn select_span<'d>(subject: &Subject<'d>, at: &SpanSelector) -> Option<&'d DiagnosticSpan> {
    let span = match at {
        SpanSelector::Primary => subject.primary_span(),
        SpanSelector::Label(pattern) => subject
            .labels
            .iter()
            .find(|(label, _)| pattern.is_match(label))
            .map(|(_, span)| *span),
        SpanSelector::Child(pattern) => subject
            .children
            .iter()
            .filter(|c| pattern.is_match(&c.message))
            .find_map(|c| c.spans.iter().find(|s| s.is_primary).or(c.spans.first())),
    };
    span.map(crate::span::user_span)
}
