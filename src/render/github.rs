//! `--format github`: the human output, so the log reads as usual, then at the end one GitHub
//! Actions workflow command (`::error file=…,line=…::message`) per diagnostic, at the span it is
//! pinned to. GitHub shows at most 10 errors, 10 warnings and 10 notices per step, so the
//! annotations are chosen best first (explained, then other located ones, then those without a
//! file, then errors that follow from an explained one) and one `::notice` says how many were left
//! out.
//!
//! No diagnostic text can issue a workflow command of its own: values are escaped exactly as
//! GitHub's toolkit escapes them (`actions/toolkit`, `packages/core/src/command.ts`), and a
//! rendered diagnostic (or other compiler JSON printed as it came) with a line the runner would
//! read as a command (`::name::…`, or `##[name]` anywhere) is fenced between
//! `::stop-commands::TOKEN` and `::TOKEN::`, with a token it does not contain. A program's own
//! output (`cargo run`, `cargo test`) passes through unchanged, as cargo prints it.

use std::fmt::Write as _;

use cargo_metadata::diagnostic::DiagnosticSpan;

use super::finding::{Finding, Severity, fnv1a};
use super::location::Workspace;
use super::{BacktraceEvent, Emitter, Event, Human, PanicEvent, Style, Summary, strip_ansi};

/// GitHub's per-step limit for each of errors, warnings and notices.
pub const PER_STEP_LIMIT: usize = 10;
/// Longest annotation message written (GitHub cuts longer ones anyway).
const MAX_MESSAGE: usize = 8 << 10;

/// Order of annotations within one severity, best first.
#[derive(Debug, Clone, Copy)]
enum Rank {
    Explained,
    Located,
    Unlocated,
    Follows,
}
const RANKS: usize = 4;

pub struct Github {
    human: Human,
    /// `--verbose`: annotations carry the whole why instead of the brief one.
    verbose: bool,
    workspace: Workspace,
    /// Up to [`PER_STEP_LIMIT`] annotations per severity and rank, in stream order.
    kept: [[Vec<String>; RANKS]; 3],
    /// Findings seen per severity.
    seen: [usize; 3],
}

impl Github {
    pub fn new(style: Style, workspace: Workspace) -> Self {
        Github {
            human: Human::new(style),
            verbose: style.verbose,
            workspace,
            kept: Default::default(),
            seen: [0; 3],
        }
    }

    fn keep(&mut self, finding: &Finding<'_>) {
        let rank = if finding.is_explained() {
            Rank::Explained
        } else if finding.follows.is_some() {
            Rank::Follows
        } else if finding.location.is_some() {
            Rank::Located
        } else {
            Rank::Unlocated
        };
        let s = finding.severity.index();
        self.seen[s] += 1;
        let bucket = &mut self.kept[s][rank as usize];
        if bucket.len() < PER_STEP_LIMIT {
            bucket.push(annotation(finding, &self.workspace, self.verbose));
        }
    }
}

impl Emitter for Github {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn wants_rendered(&self) -> bool {
        true
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        let compiler_text = match event {
            Event::Diagnostic(_) | Event::Json { .. } => true,
            // A compiler message too malformed to classify still comes from the compiler;
            // anything else is a program's own output, passed through as cargo would.
            Event::Text { raw, .. } => raw.trim_ascii_start().starts_with(b"{"),
        };
        if !compiler_text {
            return self.human.event(event, out);
        }
        let mut block = Vec::new();
        self.human.event(event, &mut block);
        fence(&block, out);
        if let Some(finding) = Finding::new(event, &self.workspace) {
            self.keep(&finding);
        }
    }

    /// Backtraces and panics read as in the human output (a program's own lines, not compiler
    /// text, so nothing is fenced).
    fn backtrace(&mut self, event: &BacktraceEvent<'_>, out: &mut Vec<u8>) {
        self.human.backtrace(event, out);
    }

    fn panic(&mut self, event: &PanicEvent<'_>, out: &mut Vec<u8>) {
        self.human.panic(event, out);
    }

    fn finish(&mut self, _summary: &Summary, out: &mut Vec<u8>) {
        let over = |s: Severity| self.seen[s.index()] > PER_STEP_LIMIT;
        // The closing notice takes one of the notice slots.
        let notice_needed = Severity::ALL.iter().any(|s| over(*s));
        let mut hidden = [0usize; 3];
        for severity in Severity::ALL {
            let s = severity.index();
            let limit = if severity == Severity::Note && notice_needed {
                PER_STEP_LIMIT - 1
            } else {
                PER_STEP_LIMIT
            };
            let shown: Vec<&String> = self.kept[s].iter().flatten().take(limit).collect();
            hidden[s] = self.seen[s] - shown.len();
            for line in shown {
                out.extend_from_slice(line.as_bytes());
                out.push(b'\n');
            }
        }
        if hidden.iter().any(|h| *h > 0) {
            let parts: Vec<String> = Severity::ALL
                .iter()
                .filter(|s| hidden[s.index()] > 0)
                .map(|s| count(hidden[s.index()], noun(*s)))
                .collect();
            let verb = if hidden.iter().sum::<usize>() == 1 {
                "is"
            } else {
                "are"
            };
            let message = format!(
                "{} {verb} not shown as annotations: GitHub shows at most {PER_STEP_LIMIT} errors, \
                 {PER_STEP_LIMIT} warnings and {PER_STEP_LIMIT} notices per step. The log above \
                 has every diagnostic.",
                join_and(&parts)
            );
            let line = command(
                "notice",
                &[("title", "cargo async-explain: more diagnostics")],
                &message,
            );
            out.extend_from_slice(line.as_bytes());
            out.push(b'\n');
        }
    }
}

/// The workflow command for one finding.
fn annotation(finding: &Finding<'_>, workspace: &Workspace, verbose: bool) -> String {
    let name = match finding.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut props: Vec<(&str, String)> = Vec::new();
    if let Some(loc) = &finding.location {
        let span = loc.span;
        props.push(("file", loc.file.path.clone()));
        props.push(("line", span.line_start.to_string()));
        props.push(("endLine", span.line_end.to_string()));
        // GitHub takes columns only for a span on one line.
        if span.line_start == span.line_end {
            props.push(("col", span.column_start.to_string()));
            props.push(("endColumn", span.column_end.to_string()));
        }
    }
    let first_line = finding.diagnostic.message.lines().next().unwrap_or("");
    let title = match finding.misconception() {
        Some(misconception) => format!("{first_line} — {misconception}"),
        None => first_line.to_owned(),
    };
    props.push(("title", title));
    let props: Vec<(&str, &str)> = props.iter().map(|(k, v)| (*k, v.as_str())).collect();
    command(name, &props, &message(finding, workspace, verbose))
}

/// The annotation's text: rustc's message, its labels and notes, then the explanation (the why
/// in brief, or whole when `verbose`), the first fix and the first link.
fn message(finding: &Finding<'_>, workspace: &Workspace, verbose: bool) -> String {
    let d = finding.diagnostic;
    let mut text = finding.headline();
    for line in d.message.lines().skip(1) {
        text.push('\n');
        text.push_str(line);
    }
    let here = finding.location.as_ref().map(|l| l.span.file_name.as_str());
    labels(&d.spans, here, workspace, "  ", &mut text);
    for child in &d.children {
        let level = crate::kb::level_name(&child.level);
        let _ = write!(text, "\n  = {level}: {}", child.message);
        labels(&child.spans, here, workspace, "      ", &mut text);
    }
    if let Some(relation) = finding.relation() {
        let _ = write!(text, "\n\n{relation}");
    }
    for e in finding.explanations {
        let why = if verbose { &e.why } else { &e.brief };
        let _ = write!(text, "\n\nexplain[{}]: {}\n{why}", e.id, e.title);
        if let Some(fix) = e.fixes.first() {
            let _ = write!(text, "\n\nfix: {}", fix.title);
            if let Some(code) = &fix.code {
                for line in code.lines() {
                    let _ = write!(text, "\n    {line}");
                }
            }
        }
        if let Some(link) = e.links.first() {
            let _ = write!(text, "\n\nread more: {} <{}>", link.title, link.url);
        }
    }
    truncate(&mut text, MAX_MESSAGE);
    text
}

/// The spans' labels, one a line (`line 12: label`, or `path:12: label` in another file), the
/// primary spans first, then in source order.
fn labels(
    spans: &[DiagnosticSpan],
    here: Option<&str>,
    workspace: &Workspace,
    indent: &str,
    text: &mut String,
) {
    let mut labelled: Vec<&DiagnosticSpan> = spans
        .iter()
        .filter(|s| s.label.as_deref().is_some_and(|l| !l.is_empty()))
        .collect();
    labelled.sort_by_key(|s| (!s.is_primary, s.line_start, s.column_start));
    for span in labelled {
        let label = span.label.as_deref().unwrap_or("");
        let _ = if here == Some(span.file_name.as_str()) {
            write!(text, "\n{indent}line {}: {label}", span.line_start)
        } else {
            let file = workspace.file(&span.file_name);
            write!(text, "\n{indent}{}:{}: {label}", file.path, span.line_start)
        };
    }
}

fn truncate(text: &mut String, max: usize) {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
        text.push('…');
    }
}

fn noun(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("error", "errors"),
        Severity::Warning => ("warning", "warnings"),
        Severity::Note => ("notice", "notices"),
    }
}

fn count(n: usize, (one, many): (&str, &str)) -> String {
    if n == 1 {
        format!("1 more {one}")
    } else {
        format!("{n} more {many}")
    }
}

fn join_and(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// `::name key=value,key=value::message`, escaped as GitHub's toolkit escapes it.
pub fn command(name: &str, properties: &[(&str, &str)], message: &str) -> String {
    let mut line = format!("::{name}");
    for (i, (key, value)) in properties.iter().enumerate() {
        line.push(if i == 0 { ' ' } else { ',' });
        line.push_str(key);
        line.push('=');
        line.push_str(&escape_property(value));
    }
    line.push_str("::");
    line.push_str(&escape_data(message));
    line
}

/// The toolkit's `escapeData`: `%`, CR and LF.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The toolkit's `escapeProperty`: `escapeData` plus `:` and `,`.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes a rendered diagnostic; when one of its lines would read as a workflow command, between
/// `::stop-commands::TOKEN` and `::TOKEN::`, with a token the text does not contain.
fn fence(block: &[u8], out: &mut Vec<u8>) {
    let text = String::from_utf8_lossy(block);
    let plain = strip_ansi(&text);
    if !plain.split(['\n', '\r']).any(reads_as_command) {
        out.extend_from_slice(block);
        return;
    }
    let lower = plain.to_lowercase();
    let mut salt: u64 = 0;
    let token = loop {
        let token = format!(
            "async-explain-{:016x}",
            fnv1a(&[block, &salt.to_le_bytes()])
        );
        if !lower.contains(&token) {
            break token;
        }
        salt += 1;
    };
    out.extend_from_slice(format!("::stop-commands::{token}\n").as_bytes());
    out.extend_from_slice(block);
    if !block.ends_with(b"\n") {
        out.push(b'\n');
    }
    out.extend_from_slice(format!("::{token}::\n").as_bytes());
}

/// Whether the Actions runner would parse the line as a command: `::` after leading whitespace,
/// or the older `##[` anywhere.
fn reads_as_command(line: &str) -> bool {
    line.trim_start().starts_with("::") || line.contains("##[")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_the_toolkits() {
        assert_eq!(escape_data("a%b\r\nc::d,e:f"), "a%25b%0D%0Ac::d,e:f");
        assert_eq!(
            escape_property("a%b\r\nc::d,e:f"),
            "a%25b%0D%0Ac%3A%3Ad%2Ce%3Af"
        );
        // `%` first, so an escape sequence in the text is not taken for one.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(
            command("error", &[("file", "a,b.rs"), ("line", "3")], "x\ny"),
            "::error file=a%2Cb.rs,line=3::x%0Ay"
        );
        assert_eq!(command("notice", &[], "m"), "::notice::m");
    }

    #[test]
    fn only_blocks_with_command_lines_are_fenced_and_the_token_is_not_in_them() {
        let mut out = Vec::new();
        fence(b"error: fine\n  --> src/a.rs:1:1\n", &mut out);
        assert_eq!(out, b"error: fine\n  --> src/a.rs:1:1\n");
        for bad in [
            &b"error: x\n  ::error::pwned\n"[..],
            b"error: x\r::warning::pwned",
            b"error: x ##[error]pwned\n",
        ] {
            let mut out = Vec::new();
            fence(bad, &mut out);
            let text = String::from_utf8(out).unwrap();
            let first = text.lines().next().unwrap();
            let token = first.strip_prefix("::stop-commands::").expect(&text);
            assert!(text.ends_with(&format!("\n::{token}::\n")), "{text}");
            assert!(!String::from_utf8_lossy(bad).contains(token));
        }
    }

    #[test]
    fn counts_read_as_english() {
        assert_eq!(
            join_and(&[
                count(15, noun(Severity::Error)),
                count(1, noun(Severity::Warning))
            ]),
            "15 more errors and 1 more warning"
        );
    }
}
