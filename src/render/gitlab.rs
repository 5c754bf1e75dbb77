//! `--format gitlab` and `--gitlab PATH`: a GitLab Code Quality report (the Code Climate issue
//! subset GitLab reads: `description`, `check_name`, `fingerprint`, `severity`, `location.path`,
//! `location.lines.begin`), streamed as a JSON array, one issue per line.
//!
//! The fingerprint is the finding's line-independent hash; a second identical issue (the same
//! rule, file, message and source text, such as one line repeated) gets its occurrence number
//! mixed in, so every fingerprint in a report is unique. That takes one small counter per distinct
//! issue, the only state kept between issues.

use std::collections::HashMap;

use serde_json::json;

use super::finding::{Finding, Severity, fnv1a};
use super::location::Workspace;
use super::{Emitter, Event, Summary};

/// The path of an issue that has neither a span nor a package manifest (a bare rustc error
/// without a span, such as a linker failure).
const FALLBACK_PATH: &str = "Cargo.toml";

pub struct Gitlab {
    workspace: Workspace,
    issues: u64,
    occurrences: HashMap<u64, u32>,
}

impl Gitlab {
    pub fn new(workspace: Workspace) -> Self {
        Gitlab {
            workspace,
            issues: 0,
            occurrences: HashMap::new(),
        }
    }

    fn fingerprint(&mut self, finding: &Finding<'_>) -> String {
        let base = finding.fingerprint();
        let seen = self.occurrences.entry(base).or_insert(0);
        let hash = match *seen {
            0 => base,
            n => fnv1a(&[&base.to_le_bytes(), &n.to_le_bytes()]),
        };
        *seen += 1;
        format!("{hash:016x}")
    }
}

/// Error → `critical` (it fails the build), warning → `minor`, note and help → `info`.
pub fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "critical",
        Severity::Warning => "minor",
        Severity::Note => "info",
    }
}

impl Emitter for Gitlab {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn copies_text(&self) -> bool {
        false
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        let Some(finding) = Finding::new(event, &self.workspace) else {
            return;
        };
        let path = finding
            .file()
            .map_or(FALLBACK_PATH, |f| f.path.as_str())
            .to_owned();
        let (begin, end) = finding.location.as_ref().map_or((1, 1), |l| {
            (l.span.line_start.max(1), l.span.line_end.max(1))
        });
        let issue = json!({
            "type": "issue",
            "check_name": finding.rule.id(),
            "description": description(&finding),
            "categories": ["Bug Risk"],
            "severity": severity(finding.severity),
            "fingerprint": self.fingerprint(&finding),
            "location": { "path": path, "lines": { "begin": begin, "end": end } },
        });
        out.extend_from_slice(if self.issues == 0 { b"[\n" } else { b",\n" });
        // Serialising a `Value` into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &issue);
        self.issues += 1;
    }

    fn finish(&mut self, _summary: &Summary, out: &mut Vec<u8>) {
        out.extend_from_slice(if self.issues == 0 { b"[]\n" } else { b"\n]\n" });
    }
}

/// One line for GitLab's widget: rustc's headline, then the misconception and its first fix.
fn description(finding: &Finding<'_>) -> String {
    let mut text = finding.headline();
    if let Some(relation) = finding.relation() {
        text.push_str(&format!(" ({relation})"));
    }
    if let Some(e) = finding.explanation() {
        text.push_str(&format!(" — {}", e.title));
        if let Some(fix) = e.first_fix() {
            text.push_str(&format!("; fix: {fix}"));
        }
    }
    text
}
