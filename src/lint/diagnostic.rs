//! A finding as a compiler message: the cargo JSON line (`reason: compiler-message`) with a
//! rustc-shaped diagnostic (level, code `async_explain::blocking_in_async`, spans carrying the
//! real source lines, children) and its `rendered` text drawn with annotate-snippets in rustc's
//! style, so the pipeline and every output format handle it like any other diagnostic. Also the
//! `// async-explain: allow(blocking)` comment that silences one.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde_json::{Value, json};

use super::visit::{At, ContextKind, Finding, Range};
use super::workspace::LintTarget;

/// The lint's code, as a finding carries it.
pub const CODE: &str = "async_explain::blocking_in_async";

/// The comment that silences a finding on its line or on the line above.
pub const ALLOW_COMMENT: &str = "async-explain: allow(blocking)";

/// How findings are drawn and at which level.
#[derive(Debug, Clone, Copy)]
pub struct Render {
    /// `error` instead of `warning` (`cargo async-explain lint --deny`).
    pub deny: bool,
    /// ANSI colours in `rendered`, as cargo's `json-diagnostic-rendered-ansi`.
    pub color: bool,
    pub width: usize,
}

/// True when the finding's line carries the allow comment, or the line above is that comment.
pub fn is_allowed(text: &str, line: usize) -> bool {
    let allows = |l: &str| {
        l.find("//")
            .is_some_and(|at| l[at..].contains(ALLOW_COMMENT))
    };
    let mut lines = text.lines().skip(line.saturating_sub(2));
    let above = if line >= 2 { lines.next() } else { None };
    let this = lines.next();
    // Above: a line of its own (`// async-explain: allow(blocking)`), not the end of another call.
    this.is_some_and(allows) || above.is_some_and(|l| l.trim_start().starts_with("//") && allows(l))
}

/// The message: `blocking call to `std::thread::sleep` in an `async fn``.
pub fn message(finding: &Finding) -> String {
    let place = match finding.context {
        ContextKind::Fn => "an `async fn`",
        ContextKind::Block => "an `async` block",
        ContextKind::Closure => "an async closure",
    };
    format!("blocking call to `{}` in {place}", finding.api)
}

/// A source file as findings show it: the name rustc would print, and its text.
#[derive(Debug, Clone, Copy)]
pub struct File<'a> {
    pub display: &'a str,
    pub text: &'a str,
}

/// The cargo JSON line (without its newline) for one finding.
pub fn json_line(finding: &Finding, file: File<'_>, target: &LintTarget, render: Render) -> String {
    let lines = LineIndex::new(file.text);
    let level = if render.deny { "error" } else { "warning" };
    let message = message(finding);
    let (call_label, context_label) = labels(finding.context);
    let mut spans = vec![span(file.display, &lines, finding.call, true, call_label)];
    if finding.context_span != finding.call {
        spans.push(span(
            file.display,
            &lines,
            finding.context_span,
            false,
            context_label,
        ));
    }
    let note = note(render.deny);
    let mut children = Vec::new();
    if let Some(help) = &finding.help {
        children.push(child("help", help));
    }
    children.push(child("note", &note));
    let rendered = rendered(finding, file, &lines, render, &message, &note);
    let diagnostic = json!({
        "$message_type": "diagnostic",
        "message": message,
        "code": { "code": CODE, "explanation": null },
        "level": level,
        "spans": spans,
        "children": children,
        "rendered": rendered,
    });
    let t = &target.target;
    let target_json = json!({
        "kind": t.kind,
        "crate_types": t.crate_types,
        "name": t.name,
        "src_path": t.src_path,
        "edition": t.edition,
        "doc": t.doc,
        "doctest": t.doctest,
        "test": t.test,
    });
    json!({
        "reason": "compiler-message",
        "package_id": target.package_id,
        "manifest_path": target.manifest_path,
        "target": target_json,
        "message": diagnostic,
    })
    .to_string()
}

fn labels(context: ContextKind) -> (&'static str, &'static str) {
    let context = match context {
        ContextKind::Fn => "inside this `async fn`",
        ContextKind::Block => "inside this `async` block",
        ContextKind::Closure => "inside this async closure",
    };
    ("blocks the thread that polls this future", context)
}

fn note(deny: bool) -> String {
    let level = if deny {
        "denied by `--deny`"
    } else {
        "on by default"
    };
    format!(
        "`{CODE}` is {level}; to allow one call, write `// {ALLOW_COMMENT}` at the end of its line or on the line above"
    )
}

fn child(level: &str, message: &str) -> Value {
    json!({
        "message": message,
        "code": null,
        "level": level,
        "spans": [],
        "children": [],
        "rendered": null,
    })
}

fn span(file: &str, lines: &LineIndex<'_>, range: Range, primary: bool, label: &str) -> Value {
    let (start, end) = (lines.byte(range.start), lines.byte(range.end));
    let text: Vec<Value> = (range.start.line..=range.end.line)
        .map(|line| {
            let text = lines.line(line);
            let chars = text.chars().count();
            let from = if line == range.start.line {
                range.start.column
            } else {
                0
            };
            let to = if line == range.end.line {
                range.end.column
            } else {
                chars
            };
            json!({ "text": text, "highlight_start": from + 1, "highlight_end": to + 1 })
        })
        .collect();
    json!({
        "file_name": file,
        "byte_start": start,
        "byte_end": end,
        "line_start": range.start.line,
        "line_end": range.end.line,
        "column_start": range.start.column + 1,
        "column_end": range.end.column + 1,
        "is_primary": primary,
        "text": text,
        "label": label,
        "suggested_replacement": null,
        "suggestion_applicability": null,
        "expansion": null,
    })
}

fn rendered(
    finding: &Finding,
    file: File<'_>,
    lines: &LineIndex<'_>,
    render: Render,
    message: &str,
    note: &str,
) -> String {
    let level = if render.deny {
        Level::ERROR
    } else {
        Level::WARNING
    };
    let (call_label, context_label) = labels(finding.context);
    // Only the lines from the first annotation to the last go to annotate-snippets, not the
    // whole file: the drawing is the same and the cost no longer grows with the file.
    let first = finding.call.start.line.min(finding.context_span.start.line);
    let last = finding.call.end.line.max(finding.context_span.end.line);
    let origin = lines.byte(At {
        line: first,
        column: 0,
    });
    let end = origin.max(lines.line_end(last));
    let byte_range = |r: Range| lines.byte(r.start) - origin..lines.byte(r.end) - origin;
    let mut snippet = Snippet::source(&file.text[origin..end])
        .path(file.display)
        .line_start(first)
        .annotation(
            AnnotationKind::Primary
                .span(byte_range(finding.call))
                .label(call_label),
        );
    if finding.context_span != finding.call {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(byte_range(finding.context_span))
                .label(context_label),
        );
    }
    let mut group = Group::with_title(level.primary_title(message)).element(snippet);
    if let Some(help) = &finding.help {
        group = group.element(Level::HELP.message(help.as_str()));
    }
    group = group.element(Level::NOTE.message(note));
    let renderer = if render.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
    .term_width(render.width);
    let mut text = String::new();
    for line in renderer.render(&[group]).lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text.push('\n');
    text
}

/// Line starts of a file, to turn proc-macro2's line/column places into byte offsets and lines.
struct LineIndex<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, starts }
    }

    /// The text of a 1-based line, without its line ending.
    fn line(&self, line: usize) -> &'t str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self
            .starts
            .get(line)
            .map_or(self.text.len(), |next| next - 1);
        self.text[start..end.max(start)].trim_end_matches('\r')
    }

    /// The byte offset of the end of a 1-based line (before its line ending).
    fn line_end(&self, line: usize) -> usize {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        start + self.line(line).len()
    }

    fn byte(&self, at: At) -> usize {
        let start = self
            .starts
            .get(at.line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let line = self.line(at.line);
        start
            + line
                .char_indices()
                .nth(at.column)
                .map_or(line.len(), |(offset, _)| offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_allow_comment_works_on_the_line_and_the_line_above() {
        let text =
            "a\n// async-explain: allow(blocking)\nb\nc // async-explain: allow(blocking)\nd\n";
        assert!(!is_allowed(text, 1));
        assert!(is_allowed(text, 3));
        assert!(is_allowed(text, 4));
        assert!(
            !is_allowed(text, 5),
            "a trailing comment covers its own line only"
        );
        assert!(!is_allowed("x\n\"async-explain: allow(blocking)\"\n", 2));
    }

    #[test]
    fn places_become_byte_offsets_counting_characters() {
        let index = LineIndex::new("é\nlet x = é;\n");
        assert_eq!(index.line(2), "let x = é;");
        assert_eq!(index.byte(At { line: 2, column: 8 }), 11);
        assert_eq!(index.byte(At { line: 2, column: 9 }), 13);
    }
}
