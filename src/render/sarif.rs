//! `--format sarif` and `--sarif PATH`: a SARIF 2.1.0 log for code scanning (GitHub's
//! `upload-sarif`), written as a stream. The opening of the log and each result are written as
//! they come; the rules, the tool and the invocation follow the results array at the end (JSON
//! object keys are unordered). What is kept between results is bounded: the rules seen so far,
//! at most the knowledge-base entries plus the distinct compiler codes (and a capped number of
//! rules derived from messages of errors without a code).
//!
//! One result per diagnostic: the span it is pinned to in `locations` (relative to `%SRCROOT%`),
//! the other spans and the children in `relatedLocations`, rustc's machine-applicable suggestions
//! as `fixes`, and a `partialFingerprints` entry that survives lines shifting.

use std::collections::HashMap;

use cargo_metadata::diagnostic::{Applicability, Diagnostic, DiagnosticSpan};
use serde_json::{Map, Value, json};

use super::finding::{Finding, Rule, Severity, code_help_uri};
use super::location::{FilePath, Workspace, span_text};
use super::{Emitter, Event, Relation, Summary};
use crate::kb::{Captures, Entry, Template};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// The base id relative artifact URIs are resolved against.
pub const SRCROOT: &str = "%SRCROOT%";
/// The key of our fingerprint in `partialFingerprints`.
pub const FINGERPRINT_KEY: &str = "asyncExplainHash/v1";
/// Rules derived from messages kept at most; later ones share a catch-all rule.
const MAX_DERIVED_RULES: usize = 256;
const CATCH_ALL_RULE: &str = "rustc::error-without-code";

pub struct Sarif {
    workspace: Workspace,
    command_line: String,
    opened: bool,
    results: u64,
    /// Rules in the order first used (`ruleIndex` points here), with their ids' positions.
    rules: Vec<Value>,
    index: HashMap<String, usize>,
    derived: usize,
}

impl Sarif {
    /// `command_line` is recorded in the log's `invocations`.
    pub fn new(workspace: Workspace, command_line: String) -> Self {
        Sarif {
            workspace,
            command_line,
            opened: false,
            results: 0,
            rules: Vec::new(),
            index: HashMap::new(),
            derived: 0,
        }
    }

    /// Writes the log up to the opening of the results array, once.
    fn open(&mut self, out: &mut Vec<u8>) {
        if std::mem::replace(&mut self.opened, true) {
            return;
        }
        let mut base = Map::new();
        if let Some(uri) = self.workspace.root_uri() {
            base.insert("uri".into(), Value::String(uri));
        }
        base.insert(
            "description".into(),
            json!({"text": "the workspace root; result paths are relative to it"}),
        );
        let head = format!(
            "{{\"$schema\":{},\"version\":\"2.1.0\",\"runs\":[{{\"columnKind\":\"unicodeCodePoints\",\
             \"originalUriBaseIds\":{{{}:{}}},\"results\":[",
            Value::from(SCHEMA),
            Value::from(SRCROOT),
            Value::Object(base)
        );
        out.extend_from_slice(head.as_bytes());
    }

    /// The index of the finding's rule in `rules`, adding the rule on first use.
    fn rule_index(&mut self, finding: &Finding<'_>) -> (String, usize) {
        let mut id = finding.rule.id().into_owned();
        if let Some(&i) = self.index.get(&id) {
            return (id, i);
        }
        let rule = match &finding.rule {
            Rule::Entry(entry) => entry_rule(&id, entry),
            // Its entry's rule came with the explained diagnostic it repeats; should that one not
            // be in this log, a rule named after the misconception stands in.
            Rule::Repeat(_) => json!({
                "id": id,
                "shortDescription": { "text": finding.misconception().unwrap_or_default() },
            }),
            Rule::Code(code) => code_rule(code),
            Rule::Message(_) if self.derived >= MAX_DERIVED_RULES => {
                id = CATCH_ALL_RULE.to_owned();
                if let Some(&i) = self.index.get(&id) {
                    return (id, i);
                }
                message_rule(&id, "an error without a code")
            }
            Rule::Message(_) => {
                self.derived += 1;
                message_rule(&id, finding.diagnostic.message.lines().next().unwrap_or(""))
            }
        };
        let i = self.rules.len();
        self.rules.push(rule);
        self.index.insert(id.clone(), i);
        (id, i)
    }

    fn result(&mut self, finding: &Finding<'_>) -> Value {
        let (rule_id, rule_index) = self.rule_index(finding);
        let d = finding.diagnostic;
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        let mut result = Map::new();
        result.insert("ruleId".into(), rule_id.into());
        result.insert("ruleIndex".into(), rule_index.into());
        result.insert("level".into(), level.into());
        result.insert("message".into(), json!({ "text": message(finding) }));
        let primary = finding.location.as_ref().map(|l| l.span);
        let locations = match (&finding.location, &finding.manifest) {
            (Some(loc), _) => vec![physical(&loc.file, Some(loc.span))],
            (None, Some(manifest)) => vec![physical(manifest, None)],
            (None, None) => Vec::new(),
        };
        if !locations.is_empty() {
            result.insert("locations".into(), Value::Array(locations));
        }
        let related = self.related(d, primary);
        if !related.is_empty() {
            result.insert("relatedLocations".into(), Value::Array(related));
        }
        result.insert(
            "partialFingerprints".into(),
            json!({ FINGERPRINT_KEY: format!("{:016x}", finding.fingerprint()) }),
        );
        let fixes = self.fixes(d);
        if !fixes.is_empty() {
            result.insert("fixes".into(), Value::Array(fixes));
        }
        if let Some(root) = finding.follows {
            let key = match root.relation {
                Relation::CausedBy => "followsFrom",
                Relation::SameAs => "sameAs",
            };
            result.insert(
                "properties".into(),
                json!({ key: format!("async-explain::{}", root.id) }),
            );
        }
        Value::Object(result)
    }

    /// Every span but the one the result is pinned to, then every child (with its spans, or
    /// without a physical location when it has none).
    fn related(&self, d: &Diagnostic, primary: Option<&DiagnosticSpan>) -> Vec<Value> {
        let mut related = Vec::new();
        let mut add = |mut location: Value| {
            location["id"] = Value::from(related.len() + 1);
            related.push(location);
        };
        for span in &d.spans {
            if primary.is_some_and(|p| std::ptr::eq(p, span)) {
                continue;
            }
            let mut location = physical(&self.workspace.file(&span.file_name), Some(span));
            if let Some(label) = span.label.as_deref().filter(|l| !l.is_empty()) {
                location["message"] = json!({ "text": label });
            }
            add(location);
        }
        let mut children: Vec<&Diagnostic> = Vec::new();
        collect_children(d, &mut children);
        for child in children {
            let text = format!("{}: {}", crate::kb::level_name(&child.level), child.message);
            if child.spans.is_empty() {
                add(json!({ "message": { "text": text } }));
            }
            for span in &child.spans {
                if primary.is_some_and(|p| std::ptr::eq(p, span)) {
                    continue;
                }
                let mut location = physical(&self.workspace.file(&span.file_name), Some(span));
                let text = match span.label.as_deref().filter(|l| !l.is_empty()) {
                    Some(label) => format!("{text} ({label})"),
                    None => text.clone(),
                };
                location["message"] = json!({ "text": text });
                add(location);
            }
        }
        related
    }

    /// rustc's machine-applicable suggestions: one fix per suggesting child, its replacements
    /// grouped by file.
    fn fixes(&self, d: &Diagnostic) -> Vec<Value> {
        let mut nodes: Vec<&Diagnostic> = vec![d];
        collect_children(d, &mut nodes);
        let mut fixes = Vec::new();
        for node in nodes {
            let spans: Vec<&DiagnosticSpan> = node
                .spans
                .iter()
                .filter(|s| {
                    s.suggested_replacement.is_some()
                        && s.suggestion_applicability == Some(Applicability::MachineApplicable)
                })
                .collect();
            if spans.is_empty() {
                continue;
            }
            let mut changes: Vec<(&str, Vec<Value>)> = Vec::new();
            for span in spans {
                let replacement = json!({
                    "deletedRegion": region(span),
                    "insertedContent": { "text": span.suggested_replacement.as_deref().unwrap_or("") },
                });
                match changes.iter_mut().find(|(f, _)| *f == span.file_name) {
                    Some((_, list)) => list.push(replacement),
                    None => changes.push((&span.file_name, vec![replacement])),
                }
            }
            let changes: Vec<Value> = changes
                .into_iter()
                .map(|(file, replacements)| {
                    json!({
                        "artifactLocation": artifact(&self.workspace.file(file)),
                        "replacements": replacements,
                    })
                })
                .collect();
            fixes.push(json!({
                "description": { "text": node.message },
                "artifactChanges": changes,
            }));
        }
        fixes
    }
}

impl Emitter for Sarif {
    fn wants_full_diagnostics(&self) -> bool {
        true
    }

    fn copies_text(&self) -> bool {
        false
    }

    fn event(&mut self, event: &Event<'_>, out: &mut Vec<u8>) {
        let Event::Diagnostic(d) = event else { return };
        let Some(finding) = Finding::new(d, &self.workspace) else {
            return;
        };
        self.open(out);
        let result = self.result(&finding);
        out.extend_from_slice(if self.results == 0 { b"\n" } else { b",\n" });
        // Serialising a `Value` into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, &result);
        self.results += 1;
    }

    fn finish(&mut self, summary: &Summary, out: &mut Vec<u8>) {
        self.open(out);
        let rules = std::mem::take(&mut self.rules);
        let tool = json!({
            "driver": {
                "name": env!("CARGO_PKG_NAME"),
                "version": env!("CARGO_PKG_VERSION"),
                "semanticVersion": env!("CARGO_PKG_VERSION"),
                "informationUri": information_uri(),
                "rules": rules,
            }
        });
        let mut invocation = Map::new();
        invocation.insert("commandLine".into(), self.command_line.clone().into());
        // The compiler ran and said what it found; a build that failed without saying why
        // (cargo could not start rustc, for example) is an incomplete analysis.
        let successful = !(summary.build_failed && summary.errors == 0);
        invocation.insert("executionSuccessful".into(), successful.into());
        if summary.malformed_lines > 0 {
            invocation.insert(
                "toolExecutionNotifications".into(),
                json!([{
                    "level": "warning",
                    "message": { "text": format!(
                        "{} input line(s) were not understood as compiler messages and are not in this log",
                        summary.malformed_lines
                    )},
                }]),
            );
        }
        let tail = format!(
            "{}],\"tool\":{},\"invocations\":[{}]}}]}}\n",
            if self.results == 0 { "" } else { "\n" },
            tool,
            Value::Object(invocation)
        );
        out.extend_from_slice(tail.as_bytes());
    }
}

fn collect_children<'d>(d: &'d Diagnostic, out: &mut Vec<&'d Diagnostic>) {
    for child in &d.children {
        out.push(child);
        collect_children(child, out);
    }
}

/// The result's text: rustc's message, then what explains it.
fn message(finding: &Finding<'_>) -> String {
    let mut text = finding.diagnostic.message.clone();
    if let Some(relation) = finding.relation() {
        text.push_str(&format!("\n\n{relation}"));
    }
    for e in finding.explanations {
        text.push_str(&format!("\n\n{}\n{}", e.title, e.why));
        if let Some(fix) = e.first_fix() {
            text.push_str(&format!("\n\nFix: {fix}"));
        }
    }
    text
}

fn physical(file: &FilePath, span: Option<&DiagnosticSpan>) -> Value {
    let mut location = Map::new();
    location.insert("artifactLocation".into(), artifact(file));
    if let Some(span) = span {
        let mut region = region(span);
        let text = span_text(span);
        if !text.is_empty() {
            region["snippet"] = json!({ "text": text });
        }
        location.insert("region".into(), region);
    }
    json!({ "physicalLocation": location })
}

fn artifact(file: &FilePath) -> Value {
    if file.in_workspace {
        json!({ "uri": file.uri(), "uriBaseId": SRCROOT })
    } else {
        json!({ "uri": file.uri() })
    }
}

/// A span as a SARIF region: rustc's lines and columns are 1-based, its columns count characters
/// (`columnKind: unicodeCodePoints`) and its end column is exclusive, as SARIF's is.
fn region(span: &DiagnosticSpan) -> Value {
    json!({
        "startLine": span.line_start.max(1),
        "startColumn": span.column_start.max(1),
        "endLine": span.line_end.max(span.line_start).max(1),
        "endColumn": span.column_end.max(1),
    })
}

fn information_uri() -> String {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|u| !u.is_empty())
        .map_or_else(
            || format!("https://crates.io/crates/{}", env!("CARGO_PKG_NAME")),
            str::to_owned,
        )
}

/// A knowledge-base entry as a rule: its summary, its explanation with placeholders shown as
/// `<name>` (or the entry's default), its fixes and links.
fn entry_rule(id: &str, entry: &Entry) -> Value {
    let mut generic = Captures::new();
    for name in entry.known_placeholders() {
        let value = entry
            .defaults
            .get(&name)
            .cloned()
            .unwrap_or_else(|| format!("<{name}>"));
        generic.insert(name, value);
    }
    let fill = |t: &Template| t.fill(&generic, &entry.defaults).trim_end().to_owned();
    let title = fill(&entry.title);
    let why = fill(&entry.explanation);
    let mut text = format!("{title}\n\n{why}");
    let mut markdown = format!("**{title}**\n\n{why}");
    if !entry.fixes.is_empty() {
        text.push_str("\n\nFixes, best first:");
        markdown.push_str("\n\n#### Fixes, best first\n");
        for (i, fix) in entry.fixes.iter().enumerate() {
            let fix_title = fill(&fix.title);
            text.push_str(&format!("\n{}. {fix_title}", i + 1));
            markdown.push_str(&format!("\n{}. {fix_title}", i + 1));
            if let Some(code) = &fix.code {
                let code = fill(code);
                for line in code.lines() {
                    text.push_str(&format!("\n       {line}"));
                }
                markdown.push_str(&format!(
                    "\n\n   ```rust\n{}\n   ```\n",
                    indent(&code, "   ")
                ));
            }
        }
    }
    if !entry.links.is_empty() {
        text.push_str("\n\nRead more:");
        markdown.push_str("\n\n#### Read more\n");
        for link in &entry.links {
            text.push_str(&format!("\n- {}: {}", link.title, link.url));
            markdown.push_str(&format!("\n- [{}]({})", link.title, link.url));
        }
    }
    let mut rule = Map::new();
    rule.insert("id".into(), id.into());
    rule.insert("shortDescription".into(), json!({ "text": entry.summary }));
    rule.insert("fullDescription".into(), json!({ "text": why }));
    if let Some(link) = entry.first_link() {
        rule.insert("helpUri".into(), link.url.clone().into());
    }
    rule.insert("help".into(), json!({ "text": text, "markdown": markdown }));
    rule.insert(
        "properties".into(),
        json!({ "tags": ["async", "async-explain"] }),
    );
    Value::Object(rule)
}

fn indent(text: &str, by: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("{by}{l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A compiler code as a rule, linked to its documentation.
fn code_rule(code: &str) -> Value {
    let text = if let Some(lint) = code.strip_prefix("clippy::") {
        format!("clippy lint `{lint}`")
    } else if code.starts_with('E') && code[1..].bytes().all(|b| b.is_ascii_digit()) {
        format!("rustc error {code}")
    } else {
        format!("rustc lint `{code}`")
    };
    json!({
        "id": code,
        "shortDescription": { "text": text },
        "helpUri": code_help_uri(code),
    })
}

/// An error without a code, as the rule named after its message.
fn message_rule(id: &str, message: &str) -> Value {
    json!({
        "id": id,
        "shortDescription": { "text": message },
        "fullDescription": { "text": "rustc reports this error without an error code; the rule is named after its message" },
    })
}
