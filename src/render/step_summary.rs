//! The Markdown appended to GitHub's job summary (`GITHUB_STEP_SUMMARY`), whatever the format:
//! counts by level, a table of the explained diagnostics (where, misconception, first fix, link),
//! then the others. GitHub takes at most 1 MiB per step, so the report never exceeds
//! [`MAX_BYTES`]: rows that do not fit are left out (the explained ones last) and a note says
//! how many. Everything is written at the end, from at most that much kept text.
//!
//! Diagnostic text is escaped for a Markdown table cell: backtick-quoted code stays code, any
//! other punctuation Markdown or HTML could read is backslash-escaped, and `|` never ends a cell.

use std::fmt::Write as _;

use super::finding::Finding;
use super::location::Workspace;
use super::{Emitter, Event, Summary};

/// The most the report appends to the step summary.
pub const MAX_BYTES: usize = 1 << 20;
/// Room kept for the heading, the counts, the table heads and the closing note.
const RESERVED: usize = 4 << 10;
/// Characters of the command line shown in the heading.
const MAX_COMMAND_LINE: usize = 300;

pub struct StepSummary {
    workspace: Workspace,
    command_line: String,
    counts: [u64; 3],
    explained_count: u64,
    explained: Vec<String>,
    explained_bytes: usize,
    others: Vec<String>,
    others_bytes: usize,
    left_out: u64,
}

/// A table row, for the table of explained diagnostics or of the others.
enum Row {
    Explained(String),
    Other(String),
}

impl StepSummary {
    /// `command_line` heads the report, so several runs in one job can be told apart.
    pub fn new(workspace: Workspace, command_line: String) -> Self {
        StepSummary {
            workspace,
            command_line,
            counts: [0; 3],
            explained_count: 0,
            explained: Vec::new(),
            explained_bytes: 0,
            others: Vec::new(),
            others_bytes: 0,
            left_out: 0,
        }
    }

    fn budget() -> usize {
        MAX_BYTES - RESERVED
    }
}

impl Emitter for StepSummary {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn copies_text(&self) -> bool {
        false
    }

    fn event(&mut self, event: &Event<'_>, _out: &mut Vec<u8>) {
        let Some(finding) = Finding::new(event, &self.workspace) else {
            return;
        };
        self.counts[finding.severity.index()] += 1;
        let place = match finding.file() {
            Some(file) => {
                let line = finding.location.as_ref().map_or(1, |l| l.span.line_start);
                code(&format!("{}:{line}", file.path))
            }
            None => "—".to_owned(),
        };
        let diagnostic = inline(&finding.headline());
        let row = if let Some(misconception) = finding.misconception() {
            self.explained_count += 1;
            let (fix, link) = match finding.explanation() {
                Some(e) => (
                    e.first_fix().map_or_else(|| "—".to_owned(), inline),
                    e.links.first().map_or_else(
                        || "—".to_owned(),
                        |l| format!("[{}]({})", inline(&l.title), url(&l.url)),
                    ),
                ),
                None => ("same as above".to_owned(), "—".to_owned()),
            };
            Row::Explained(format!(
                "| {place} | {diagnostic} | {} | {fix} | {link} |\n",
                inline(misconception)
            ))
        } else {
            let mut row = format!("| {place} | {diagnostic}");
            if let Some(relation) = finding.relation() {
                let _ = write!(row, " ({})", inline(&relation));
            }
            row.push_str(" |\n");
            Row::Other(row)
        };
        let (rows, bytes, row) = match row {
            Row::Explained(row) => (&mut self.explained, &mut self.explained_bytes, row),
            // Kept up to the whole budget; what the explained rows leave is decided at the end.
            Row::Other(row) => (&mut self.others, &mut self.others_bytes, row),
        };
        if *bytes + row.len() <= Self::budget() {
            *bytes += row.len();
            rows.push(row);
        } else {
            self.left_out += 1;
        }
    }

    fn finish(&mut self, _summary: &Summary, out: &mut Vec<u8>) {
        let start = out.len();
        let mut text = String::from("### cargo async-explain\n\n");
        if !self.command_line.is_empty() {
            let shown: String = self.command_line.chars().take(MAX_COMMAND_LINE).collect();
            let _ = writeln!(text, "{}\n", code(&shown));
        }
        let [errors, warnings, notes] = self.counts;
        if errors + warnings + notes == 0 {
            text.push_str("No errors or warnings.\n");
        } else {
            let _ = writeln!(
                text,
                "**{}**, {}, {}; {} explained by the knowledge base.",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings"),
                plural(notes, "note", "notes"),
                self.explained_count
            );
        }
        if !self.explained.is_empty() {
            text.push_str(
                "\n| Where | Diagnostic | Misconception | First fix | Read more |\n\
                 | --- | --- | --- | --- | --- |\n",
            );
            for row in &self.explained {
                text.push_str(row);
            }
        }
        let room = Self::budget().saturating_sub(self.explained_bytes);
        let mut used = 0;
        let mut shown = 0;
        for row in &self.others {
            if used + row.len() > room {
                break;
            }
            used += row.len();
            shown += 1;
        }
        let left_out = self.left_out + (self.others.len() - shown) as u64;
        if shown > 0 {
            text.push_str("\n| Where | Other diagnostics |\n| --- | --- |\n");
            for row in &self.others[..shown] {
                text.push_str(row);
            }
        }
        if left_out > 0 {
            let _ = writeln!(
                text,
                "\n_{} not listed: a step summary holds at most 1 MiB. The job log has them all._",
                plural(left_out, "more diagnostic is", "more diagnostics are")
            );
        }
        text.push('\n');
        out.extend_from_slice(text.as_bytes());
        debug_assert!(out.len() - start <= MAX_BYTES);
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// Text for a table cell: `code` spans kept as code, other punctuation escaped, one line.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(open) = rest.find('`') {
        plain(&rest[..open], &mut out);
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) => {
                out.push_str(&code(&after[..close]));
                rest = &after[close + 1..];
            }
            None => {
                out.push_str("\\`");
                rest = after;
            }
        }
    }
    plain(rest, &mut out);
    out
}

fn plain(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' | '#' | '!' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// A code span holding `text` exactly (a fence longer than any backtick run in it), on one line,
/// with `|` escaped as GitHub's tables require even inside code.
pub fn code(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| if c == '\n' || c == '\r' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let text = text.replace('|', "\\|");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// A link target from the knowledge base, with what could end it early percent-encoded.
fn url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '|' => out.push_str("%7C"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::finding::Severity;
    use super::*;

    #[test]
    fn table_cells_keep_code_and_escape_the_rest() {
        assert_eq!(
            inline("use of moved value: `tx`"),
            "use of moved value: `tx`"
        );
        assert_eq!(
            inline("a <b> | *c* [d](e) `x|y` unpaired `"),
            "a \\<b\\> \\| \\*c\\* \\[d\\](e) `x\\|y` unpaired \\`"
        );
        assert_eq!(inline("two\nlines"), "two lines");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`a"), "`` `a ``");
        assert_eq!(url("https://x.y/a (b)"), "https://x.y/a%20%28b%29");
    }

    #[test]
    fn severity_indices_match_the_counts() {
        assert_eq!(Severity::Error.index(), 0);
        assert_eq!(Severity::Note.index(), 2);
    }
}
