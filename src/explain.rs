//! Turns a knowledge-base match into an explanation of one diagnostic (or of a runtime panic):
//! the entry's texts filled with the names and types rustc quoted, and each fix tied to the span
//! of the user's code it points at. Pure data; the renderers decide how it looks.

use cargo_metadata::diagnostic::DiagnosticSpan;

use crate::edit::{Edit, Inputs, Op, Replacement};
use crate::facts::Role;
use crate::kb::{CrateHint, EditSpec, Entry, Link, Match, SpanSelector, Subject, Verdict};

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
    /// The file of the diagnostic's primary span (in the user's code), as rustc names it: an
    /// edit there is drawn without repeating its path, as rustc draws its suggestions.
    pub file: Option<&'a str>,
}

#[derive(Clone)]
pub struct FixText<'a> {
    pub title: String,
    /// Code to write, for a fix that is not an edit (or whose edit could not be built here).
    pub code: Option<String>,
    /// The span of the user's code the fix points at, when the entry names one and rustc gave it.
    pub span: Option<&'a DiagnosticSpan>,
    /// The edit of the user's code, built from the source at `span` (`src/edit`).
    pub edit: Option<Edit>,
    /// Without the source, a `replace` fix still replaces rustc's `span` with this text.
    pub replacement: Option<String>,
    /// The edit certainly compiles to the intended meaning (`MachineApplicable`).
    pub machine_applicable: bool,
}

impl std::fmt::Debug for FixText<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FixText")
            .field("title", &self.title)
            .field("code", &self.code)
            .field("edit", &self.edit.as_ref().map(|e| &e.replacements))
            .finish_non_exhaustive()
    }
}

impl FixText<'_> {
    /// Whether the fix changes the user's code (an edit, or a replacement of rustc's span).
    pub fn is_edit(&self) -> bool {
        self.edit.is_some() || (self.replacement.is_some() && self.span.is_some())
    }
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
        let mut fixes: Vec<(u8, FixText<'a>)> =
            entry
                .fixes
                .iter()
                .filter(|fix| match (&fix.when, subject) {
                    (Some(when), Some(subject)) => when.holds(subject),
                    _ => true,
                })
                // rustc's suggestion as the fix, where rustc made none: nothing to show.
                .filter(|fix| {
                    let suggested = fix.edit.as_ref().is_some_and(|e| e.ops == ["suggested"]);
                    !suggested
                        || subject.is_none_or(|subject| {
                            fix.at
                                .as_ref()
                                .and_then(|at| select_span(subject, at, found.subject))
                                .is_some_and(|span| span.suggested_replacement.is_some())
                        })
                })
                .map(|fix| {
                    let span = fix
                        .at
                        .as_ref()
                        .zip(subject)
                        .and_then(|(at, subject)| select_span(subject, at, found.subject));
                    let edit = fix.edit.as_ref().zip(subject).zip(span).and_then(
                        |((spec, subject), span)| {
                            let first = build_edit(spec, subject, span, found)?;
                            // The same edit at every other place the fix's label marks (each
                            // recursive call, say).
                            let others = match &fix.at {
                                Some(SpanSelector::Label(pattern)) => subject
                                    .labels
                                    .iter()
                                    .filter(|(label, s)| pattern.is_match(label) && *s != span)
                                    .filter_map(|(_, s)| build_edit(spec, subject, s, found))
                                    .collect(),
                                _ => Vec::new(),
                            };
                            Some(first.merged(others))
                        },
                    );
                    let mut captures = found.captures.clone();
                    if let Some(edit) = &edit {
                        captures.insert("code".to_owned(), one_line(&edit.code));
                    }
                    let fill_fix = |t: &crate::kb::Template| {
                        t.fill(&captures, &entry.defaults).trim_end().to_owned()
                    };
                    // Without the code to read, a replacement of rustc's span still is an edit.
                    let replacement = match (&fix.edit, span) {
                        (Some(spec), Some(_)) if edit.is_none() && spec.ops == ["replace"] => {
                            spec.text.as_ref().map(fill_fix)
                        }
                        (Some(spec), Some(span)) if edit.is_none() && spec.ops == ["suggested"] => {
                            // A suggestion in several parts needs the code to show them together.
                            let parts = subject
                                .and_then(|s| suggestion_siblings(s, span))
                                .map_or(1, |spans| spans.len());
                            span.suggested_replacement.clone().filter(|_| parts == 1)
                        }
                        _ => None,
                    };
                    // First the fixes that edit this code, then advice, then the fixes whose
                    // edit does not fit this code (only text now). Without the code to read, the
                    // entry's order stands.
                    let read = span
                        .zip(subject)
                        .is_some_and(|(span, subject)| subject.place_of(span).is_some());
                    let rank: u8 = match (&fix.edit, edit.is_some() || replacement.is_some()) {
                        (Some(_), true) => 0,
                        (Some(_), false) if read => 2,
                        _ => 1,
                    };
                    let text = FixText {
                        title: fill_fix(&fix.title),
                        code: fix.code.as_ref().map(fill_fix).filter(|_| edit.is_none()),
                        span,
                        edit,
                        replacement,
                        machine_applicable: fix.machine_applicable,
                    };
                    (rank, text)
                })
                .collect();
        fixes.sort_by_key(|(rank, _)| *rank);
        let fixes = fixes.into_iter().map(|(_, fix)| fix).collect();
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
            file: subject
                .and_then(|s| s.primary_span())
                .map(|span| crate::span::user_span(span).file_name.as_str()),
        }
    }

    /// The first fix's title, for one-line formats.
    pub fn first_fix(&self) -> Option<&str> {
        self.fixes.first().map(|f| f.title.as_str())
    }
}

/// The edit a fix names, built at its anchor from the user's code and the diagnostic's facts.
fn build_edit(
    spec: &EditSpec,
    subject: &Subject<'_>,
    anchor: &DiagnosticSpan,
    found: &Match<'_>,
) -> Option<Edit> {
    let text = spec
        .text
        .as_ref()
        .map(|t| t.fill(&found.captures, &found.entry.defaults).into_owned());
    let ops = spec
        .ops
        .iter()
        .map(|name| Op::new(name, text.clone().filter(|_| Op::takes_text(name))))
        .collect::<Result<Vec<_>, _>>()
        .ok()?;
    let place = subject.text_place_of(anchor)?;
    let facts = subject.facts();
    let place_of_role = |role: Role| {
        facts
            .of(role)
            .find_map(|f| f.span)
            .and_then(|span| subject.place_of(span))
    };
    let inputs = Inputs {
        binding: found.captures.get("binding").cloned(),
        held: place_of_role(Role::Held),
        await_at: place_of_role(Role::Binding),
        subject: found
            .subject
            .and_then(|i| facts.facts.get(i))
            .or_else(|| facts.of(Role::SelfType).next())
            .map(|f| f.text.clone()),
        expected: facts.of(Role::Expected).next().map(|f| f.text.clone()),
        manifest: ops
            .iter()
            .any(|op| matches!(op, Op::CargoFeature(_) | Op::CargoEdition(_)))
            .then(|| subject.manifest_of(&place))
            .flatten(),
        suggestion: suggestion_parts(subject, anchor),
        suggestions: all_suggestions(subject, anchor),
    };
    crate::edit::build_all(&ops, &place, &inputs)
}

/// Every part of the rustc suggestion the anchor belongs to that falls in the anchor's file, as
/// replacements there (a multi-part suggestion: drop `async`, change the return type).
fn suggestion_parts(subject: &Subject<'_>, anchor: &DiagnosticSpan) -> Vec<Replacement> {
    if anchor.suggested_replacement.is_none() {
        return Vec::new();
    }
    let part = |s: &DiagnosticSpan| {
        Some(Replacement {
            range: subject.text_place_of(s)?.range,
            text: s.suggested_replacement.clone()?,
        })
    };
    match suggestion_siblings(subject, anchor) {
        // All parts or none: a part alone is no fix.
        Some(spans) => spans.into_iter().map(part).collect::<Option<_>>(),
        None => part(anchor).map(|p| vec![p]),
    }
    .unwrap_or_default()
}

/// Every suggestion of the diagnostic (a child's spans with replacements) in the anchor's file,
/// each with all its parts.
fn all_suggestions(subject: &Subject<'_>, anchor: &DiagnosticSpan) -> Vec<Vec<Replacement>> {
    subject
        .children
        .iter()
        .filter_map(|child| {
            let parts: Vec<&DiagnosticSpan> = child
                .spans
                .iter()
                .filter(|s| s.suggested_replacement.is_some())
                .collect();
            if parts.is_empty() || parts.iter().any(|s| s.file_name != anchor.file_name) {
                return None;
            }
            parts
                .into_iter()
                .map(|s| {
                    Some(Replacement {
                        range: subject.text_place_of(s)?.range,
                        text: s.suggested_replacement.clone()?,
                    })
                })
                .collect()
        })
        .collect()
}

/// The spans of the suggestion (a child's) the anchor is part of, the anchor included, in the
/// anchor's file; `None` when the anchor is no child's span.
fn suggestion_siblings<'d>(
    subject: &Subject<'d>,
    anchor: &DiagnosticSpan,
) -> Option<Vec<&'d DiagnosticSpan>> {
    let spans = subject
        .children
        .iter()
        .map(|c| &c.spans)
        .find(|spans| spans.iter().any(|s| std::ptr::eq(s, anchor)))?;
    Some(
        spans
            .iter()
            .filter(|s| s.file_name == anchor.file_name && s.suggested_replacement.is_some())
            .collect(),
    )
}

/// Code quoted in a title: its first line, shortened.
fn one_line(code: &str) -> String {
    let first = code.lines().next().unwrap_or_default().trim();
    if first.chars().count() > 60 || code.lines().nth(1).is_some() {
        let short: String = first.chars().take(57).collect();
        format!("{short}…")
    } else {
        first.to_owned()
    }
}

fn select_span<'d>(
    subject: &Subject<'d>,
    at: &SpanSelector,
    about: Option<usize>,
) -> Option<&'d DiagnosticSpan> {
    let facts = subject.facts();
    let span = match at {
        SpanSelector::Primary => subject.primary_span(),
        SpanSelector::Subject => about
            .and_then(|i| facts.facts.get(i))
            .and_then(|f| f.span)
            .or_else(|| subject.primary_span()),
        SpanSelector::Role(role) => facts.of(*role).find_map(|f| f.span),
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
        SpanSelector::Suggestion(pattern) => subject
            .children
            .iter()
            .filter(|c| {
                pattern.is_match(&c.message) && !crate::facts::suggestion_is_conditional(&c.message)
            })
            .find_map(|c| c.spans.iter().find(|s| s.suggested_replacement.is_some())),
    };
    span.map(crate::span::user_span)
}
